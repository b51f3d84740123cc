using Azure;
using Azure.Data.Tables;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.FanOut;

/// <summary>Reads and writes of the <c>fanout</c> table, and the enqueueing of batch messages, shared by planner, control and progress.</summary>
internal sealed class FanOutTable(StorageClients storage, FanOutOptions options)
{
    public Task<TableClient> Table => storage.TableAsync(FanOutKeys.Table);

    public async Task<FanOutRun?> GetRunAsync(string incidentId, CancellationToken ct)
    {
        var table = await Table;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(FanOutKeys.Partition(incidentId), FanOutKeys.ControlRow, cancellationToken: ct);
        return row.HasValue && row.Value is not null ? FanOutRun.FromEntity(row.Value) : null;
    }

    /// <summary>Replaces the control row if nobody changed it since it was read; false when someone did.</summary>
    public async Task<bool> TryReplaceRunAsync(FanOutRun run, CancellationToken ct)
    {
        var table = await Table;
        try
        {
            await table.UpdateEntityAsync(run.ToEntity(), run.ETag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, BatchResult>> GetResultsAsync(string incidentId, CancellationToken ct)
    {
        var table = await Table;
        var partition = FanOutKeys.Partition(incidentId);
        var results = new Dictionary<string, BatchResult>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(
            x => x.PartitionKey == partition && x.RowKey.CompareTo(FanOutKeys.BatchRowPrefix) >= 0 && x.RowKey.CompareTo("batch}") < 0,
            cancellationToken: ct))
        {
            var result = BatchResult.FromEntity(e);
            results[result.BatchId] = result;
        }

        return results;
    }

    public async Task WriteResultAsync(BatchResult result, CancellationToken ct)
    {
        var table = await Table;
        await table.UpsertEntityAsync(result.ToEntity(), TableUpdateMode.Replace, ct);
    }

    public static string BatchId(FanOutRun run, int number) => RecipientKeys.Batch(run.IncidentId, run.ImportId, number);

    /// <summary>One message per batch number, a few in flight at once. Plain JSON bodies, as host.json <c>messageEncoding</c> says.</summary>
    public async Task EnqueueAsync(FanOutRun run, IEnumerable<int> numbers, string? traceParent, CancellationToken ct)
    {
        var queue = await storage.QueueAsync(FanOutKeys.Queue);
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = options.EnqueueParallelism, CancellationToken = ct },
            async (number, token) =>
            {
                var message = new BatchMessage(BatchMessage.CurrentSchema, run.IncidentId, run.RunId, BatchId(run, number),
                    number < run.CanaryBatches, traceParent);
                await queue.SendMessageAsync(message.ToJson(), token);
            });
    }
}
