using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;

namespace Notifications.LocalRuntime;

/// <summary>
/// Local development (CLI <c>delivery-report &lt;incidentId&gt; &lt;personId&gt; [status] [--cloudevents]</c>, wrapped by
/// <c>scripts/delivery-report.sh</c>): puts a Communication Services delivery report for one person's notice on the
/// <c>delivery-reports</c> queue, shaped and encoded as an Event Grid subscription writes it in Azure, so the bounce path
/// can be watched on Azurite. The Message-ID and address come from the person's row of the current import; only ids are
/// printed.
/// </summary>
public static class SimulatedDeliveryReport
{
    public const string Verb = "delivery-report";
    private const string Usage = "usage: delivery-report <incidentId> <personId> [Bounced|Delivered|Suppressed|Failed|…] [--cloudevents]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        var cloudEvents = args.Contains("--cloudevents");
        var positional = args.Where(a => a != "--cloudevents").ToList();
        if (positional.Count is < 2 or > 3)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var (incidentId, personId, status) = (positional[0], positional[1], positional.Count == 3 ? positional[2] : "Bounced");
        var storage = new StorageClients(Options.Create(new StorageOptions
        {
            ConnectionString = configuration["AzureWebJobsStorage"],
            AccountName = configuration["AzureWebJobsStorage:accountName"],
            NamePrefix = configuration["Storage:NamePrefix"] ?? "",
        }));
        var row = await FindAsync(storage, incidentId, personId, ct);
        if (row?.GetString("MessageId") is not { Length: > 0 } messageId)
        {
            await output.WriteLineAsync(row is null
                ? $"No person {personId} in the current import of incident {incidentId}."
                : $"Person {personId} of incident {incidentId} has not been sent a notice yet (status {row.GetString("Status")}).");
            return 1;
        }

        var recipient = row.GetString("Email") is { Length: > 0 } email ? email : row.GetString("GuardianEmail");
        var eventId = Guid.NewGuid().ToString();
        var body = Event(cloudEvents, eventId, messageId, recipient!, status, DateTimeOffset.UtcNow);
        var queue = await storage.QueueAsync(FanOutKeys.DeliveryReportsQueue);
        await queue.SendMessageAsync(body, ct);
        await output.WriteLineAsync(
            $"Put a {status} report (event {eventId}, {(cloudEvents ? "CloudEvents" : "Event Grid")} schema) for <{messageId}> on queue {queue.Name}.");
        return 0;
    }

    /// <summary>Runs the verb with the settings the app reads locally (local.settings.json, then the environment).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output) =>
        RunAsync(args, new ConfigurationBuilder()
            .AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"))
            .AddEnvironmentVariables()
            .Build(), output, CancellationToken.None);

    private static async Task<TableEntity?> FindAsync(StorageClients storage, string incidentId, string personId, CancellationToken ct)
    {
        var table = await storage.TableAsync(RecipientKeys.Table);
        foreach (var batch in await new RecipientStore(storage).ListBatchesAsync(incidentId, ct))
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(batch.BatchId, RecipientKeys.Person(personId), cancellationToken: ct);
            if (row.HasValue && row.Value is not null)
            {
                return row.Value;
            }
        }

        return null;
    }

    /// <summary>One event, in the Event Grid schema or CloudEvents 1.0, with the documented data fields.</summary>
    private static string Event(bool cloudEvents, string eventId, string messageId, string recipient, string status, DateTimeOffset now)
    {
        const string Source = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Communication/communicationServices/local";
        var time = now.ToString("O", CultureInfo.InvariantCulture);
        var acsId = Guid.NewGuid().ToString();
        var data = new JsonObject
        {
            ["sender"] = "DoNotReply@localhost",
            ["recipient"] = recipient,
            ["messageId"] = acsId,
            ["internetMessageId"] = $"<{messageId}>",
            ["status"] = status,
            ["deliveryStatusDetails"] = new JsonObject { ["statusMessage"] = "Simulated locally" },
            ["deliveryAttemptTimestamp"] = time,
        };
        var subject = $"sender/DoNotReply@localhost/message/{acsId}";
        return (cloudEvents
            ? new JsonObject
            {
                ["specversion"] = "1.0",
                ["type"] = DeliveryReport.EmailDeliveryReportReceived,
                ["source"] = Source,
                ["id"] = eventId,
                ["time"] = time,
                ["subject"] = subject,
                ["data"] = data,
            }
            : new JsonObject
            {
                ["id"] = eventId,
                ["topic"] = Source,
                ["subject"] = subject,
                ["data"] = data,
                ["eventType"] = DeliveryReport.EmailDeliveryReportReceived,
                ["dataVersion"] = "1.0",
                ["metadataVersion"] = "1",
                ["eventTime"] = time,
            }).ToJsonString();
    }
}
