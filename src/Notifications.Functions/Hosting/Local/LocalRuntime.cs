using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Notifications.Functions.Hosting.Local;

/// <summary>
/// Local mode (<c>--local</c> or <c>Hosting:Local=true</c>): runs every queue listener and timer of the catalogue
/// in-process against Storage (Azurite), through the same <see cref="FunctionDispatcher"/> the host's invocations use.
/// </summary>
internal sealed class LocalRuntime(
    RegisteredFunctions functions,
    FunctionDispatcher dispatcher,
    IOptions<QueueRuntimeOptions> queueOptions,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    public const string ConnectionSetting = "AzureWebJobsStorage";
    public const string NamePrefixSetting = "Storage:NamePrefix";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<LocalRuntime>();
        var runs = new List<Task>();
        foreach (var function in functions.All)
        {
            switch (function)
            {
                case QueueFunction queue:
                    runs.Add(CreateListener(queue, logger).RunAsync(stoppingToken));
                    break;
                case TimerFunction timer:
                    runs.Add(new TimerRunner(timer, dispatcher, time, logger).RunAsync(stoppingToken));
                    break;
            }
        }

        return Task.WhenAll(runs);
    }

    private QueueListener CreateListener(QueueFunction function, ILogger logger)
    {
        var options = queueOptions.Value;
        var connection = configuration[ConnectionSetting];
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException($"Local mode needs the Storage connection string '{ConnectionSetting}'.");
        }

        var encoding = string.Equals(options.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase)
            ? QueueMessageEncoding.None
            : QueueMessageEncoding.Base64;
        var name = (configuration[NamePrefixSetting] ?? "") + function.QueueName;
        var poison = new QueueClient(connection, name + "-poison", new QueueClientOptions { MessageEncoding = encoding });
        var rawPoison = new QueueClient(connection, name + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var listenOptions = new QueueClientOptions { MessageEncoding = encoding };
        // Like the host, a message that is not valid base64 goes straight to the poison queue, unchanged.
        listenOptions.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is { } message)
            {
                await rawPoison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
                await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
                Log.UndecodableMessagePoisoned(logger, message.MessageId, name, rawPoison.Name);
            }
        };
        return new QueueListener(
            function,
            new QueueClient(connection, name, listenOptions),
            poison,
            options,
            dispatcher,
            time,
            logger);
    }
}
