using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Notifications.LocalRuntime;

/// <summary>
/// The timer's schedule status (last and next occurrence) in Storage, as the host keeps it in
/// <c>azure-webjobs-hosts/timers/…/status</c>, so that an occurrence missed while the app was down is run once at start
/// with <see cref="TimerInfo.IsPastDue"/>.
/// </summary>
internal sealed class TimerScheduleMonitor(BlobContainerClient container, string hostId)
{
    public const string ContainerName = "azure-webjobs-hosts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ScheduleStatus?> GetAsync(string function, CancellationToken ct)
    {
        try
        {
            var content = await Blob(function).DownloadContentAsync(ct);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SetAsync(string function, ScheduleStatus status, CancellationToken ct)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        await Blob(function).UploadAsync(BinaryData.FromObjectAsJson(status, Json), overwrite: true, ct);
    }

    private BlobClient Blob(string function) => container.GetBlobClient($"timers/{hostId}/{function}/status");
}
