using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Notifications.LocalRuntime;

/// <summary>
/// Runs a queue listener per queue function and a timer per timer function of functions.metadata, in-process against
/// Storage (Azurite), each invocation through <see cref="FunctionInvoker"/>. Off when <c>Hosting:RunTriggers</c> is
/// false (tests that deliver queue messages themselves).
/// </summary>
internal sealed class LocalRuntime(
    LocalFunctions functions,
    BoundFunctions bound,
    IOptions<HostingOptions> hosting,
    IServiceScopeFactory scopes,
    IOptions<QueueRuntimeOptions> queueOptions,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    public const string ConnectionSetting = "AzureWebJobsStorage";
    public const string NamePrefixSetting = "Storage:NamePrefix";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!hosting.Value.RunTriggers)
        {
            return Task.CompletedTask;
        }

        var logger = loggers.CreateLogger<LocalRuntime>();
        var runs = new List<Task>();
        foreach (var function in functions.All)
        {
            switch (function.Trigger)
            {
                case QueueTrigger queue:
                    bound.Add(function.Name, $"queue {Prefix}{queue.QueueName}");
                    runs.Add(CreateListener(function, logger).RunAsync(stoppingToken));
                    break;
                case TimerTrigger timer:
                    var monitor = UsesMonitor(timer) ? new TimerScheduleMonitor(Container(), "local" + Prefix) : null;
                    bound.Add(function.Name, $"timer {timer.Schedule}");
                    runs.Add(new TimerRunner(function, scopes, monitor, time, logger).RunAsync(stoppingToken));
                    break;
            }
        }

        return Task.WhenAll(runs);
    }

    /// <summary>The host monitors a schedule unless the binding says otherwise, or its occurrences are under a minute apart.</summary>
    private static bool UsesMonitor(TimerTrigger timer)
    {
        if (timer.UseMonitor is { } useMonitor)
        {
            return useMonitor;
        }

        var schedule = NCrontab.CrontabSchedule.Parse(timer.Schedule, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var first = schedule.GetNextOccurrence(DateTime.UnixEpoch);
        return schedule.GetNextOccurrence(first) - first >= TimeSpan.FromMinutes(1);
    }

    private string Prefix => configuration[NamePrefixSetting] ?? "";

    private string Connection => configuration[ConnectionSetting] is { Length: > 0 } connection
        ? connection
        : throw new InvalidOperationException($"The local runtime needs the Storage connection string '{ConnectionSetting}'.");

    private BlobContainerClient Container() => new(Connection, TimerScheduleMonitor.ContainerName);

    private QueueListener CreateListener(LocalFunction function, ILogger logger)
    {
        var options = queueOptions.Value;
        var encoding = string.Equals(options.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase)
            ? QueueMessageEncoding.None
            : QueueMessageEncoding.Base64;
        var name = Prefix + ((QueueTrigger)function.Trigger).QueueName;
        var poison = new QueueClient(Connection, name + "-poison", new QueueClientOptions { MessageEncoding = encoding });
        var rawPoison = new QueueClient(Connection, name + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
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
        return new QueueListener(function, new QueueClient(Connection, name, listenOptions), poison, options, scopes, time, logger);
    }
}
