using Azure;
using Azure.Data.Tables;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.FanOut;

/// <summary>Reads and writes of the <c>fanout</c> table, shared by planner, control and progress.</summary>
internal sealed class FanOutTable(StorageClients storage)
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

    /// <summary>Writes a run's notice text (before its control row exists, so a run never goes without it).</summary>
    public async Task WritePinAsync(string incidentId, NoticePin pin, CancellationToken ct)
    {
        var table = await Table;
        await table.UpsertEntityAsync(pin.ToEntity(incidentId), TableUpdateMode.Replace, ct);
    }

    public async Task<NoticePin?> GetPinAsync(string incidentId, string runId, CancellationToken ct)
    {
        var table = await Table;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(FanOutKeys.Partition(incidentId), NoticePin.Row(runId), cancellationToken: ct);
        return row.HasValue && row.Value is not null ? NoticePin.FromEntity(row.Value) : null;
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

    /// <summary>
    /// Re-counts a batch from its recipient rows and writes its result row. <paramref name="basis"/> gets the row as it
    /// is (null when there is none yet) and gives the ids, flags and time to keep, or null to write nothing. The result row
    /// is read before the recipient rows and replaced only if unchanged since (ETag), retrying on a lost race; so whoever
    /// changes a recipient row and then tallies cannot be overwritten by a tally that read the rows before that change.
    /// Nothing is written when the counts are what the row already says. Returns the row as it now stands (null when
    /// <paramref name="basis"/> said not to write).
    /// </summary>
    public async Task<BatchResult?> TallyAsync(string incidentId, string batchId, Func<BatchResult?, BatchResult?> basis, CancellationToken ct)
    {
        var table = await Table;
        var recipients = await storage.TableAsync(RecipientKeys.Table);
        var partition = FanOutKeys.Partition(incidentId);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(partition, FanOutKeys.BatchRow(batchId), cancellationToken: ct);
            var existing = stored.HasValue && stored.Value is not null ? BatchResult.FromEntity(stored.Value) : null;
            var rows = await ReadRowsAsync(recipients, batchId, ct);
            if (basis(existing) is not { } start)
            {
                return null;
            }

            var result = BatchTally.Count(start, rows);
            if (result == existing)
            {
                return existing;
            }

            try
            {
                if (existing is null)
                {
                    await table.AddEntityAsync(result.ToEntity(), ct);
                }
                else
                {
                    await table.UpdateEntityAsync(result.ToEntity(), stored.Value!.ETag, TableUpdateMode.Replace, ct);
                }

                return result;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxTallyAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
            }
        }
    }

    private const int MaxTallyAttempts = 20;

    /// <summary>The recipient rows of one batch (one partition, at most 100), in file order.</summary>
    public static async Task<List<TableEntity>> ReadRowsAsync(TableClient recipients, string batchId, CancellationToken ct)
    {
        var rows = new List<TableEntity>(RecipientKeys.BatchSize);
        await foreach (var e in recipients.QueryAsync<TableEntity>(x => x.PartitionKey == batchId, cancellationToken: ct))
        {
            rows.Add(e);
        }

        return rows.OrderBy(r => r.GetInt64("Line") ?? 0).ToList();
    }

    public static string BatchId(FanOutRun run, int number) => RecipientKeys.Batch(run.IncidentId, run.ImportId, number);
}
