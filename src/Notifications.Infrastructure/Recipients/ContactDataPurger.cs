using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.Recipients;

/// <summary>What one purge found: rows that now hold no contact data, those stripped by this run, staging rows deleted.</summary>
/// <param name="Rows">Rows of committed imports that hold no contact data now (stripped by this run or an earlier one).</param>
/// <param name="Stripped">Rows this run stripped; 0 when an earlier run had finished.</param>
/// <param name="StagingRowsDeleted">Rows of imports that were never committed (staging left behind), deleted.</param>
public sealed record ContactDataPurgeResult(int Rows, int Stripped, int StagingRowsDeleted);

/// <summary>
/// Purges the affected people's contact data of one incident from table <c>recipients</c>. Every row of every committed
/// import (the manifest partition's <c>import|{id}</c> records, including imports a later one replaced) is replaced by its
/// <see cref="RecipientFields.Kept"/> properties and a <see cref="RecipientFields.ContactPurgedAt"/> mark; the rows of
/// imports never committed (staging that a failed import left behind) are deleted. The manifest keeps only counts.
/// <para>
/// One entity-group transaction per partition (a batch holds at most 100 rows), up to <see cref="MaxInFlight"/> at once.
/// Idempotent: marked rows are skipped, so a run after a crash finishes what is left, and a second run writes nothing.
/// Updates are ETag-checked, so a concurrent writer (a late fan-out or delivery update) is re-read, never overwritten.
/// </para>
/// </summary>
public sealed class ContactDataPurger(StorageClients storage, TimeProvider time, ILogger<ContactDataPurger>? logger = null)
{
    public const int MaxInFlight = 8;
    private const int MaxAttempts = 5;

    private readonly ILogger _log = logger ?? NullLogger<ContactDataPurger>.Instance;

    public async Task<ContactDataPurgeResult> PurgeAsync(string incidentId, CancellationToken ct)
    {
        var table = await storage.TableAsync(RecipientKeys.Table);
        var committed = await CommittedImportsAsync(table, incidentId, ct);
        var now = time.GetUtcNow();
        int rows = 0, stripped = 0, deleted = 0;
        await Parallel.ForEachAsync(PartitionsAsync(table, incidentId, ct), new ParallelOptions { MaxDegreeOfParallelism = MaxInFlight, CancellationToken = ct },
            async (partition, token) =>
            {
                var outcome = await PurgePartitionAsync(table, partition, committed.Contains(partition.ImportId), now, token);
                Interlocked.Add(ref rows, outcome.Rows);
                Interlocked.Add(ref stripped, outcome.Stripped);
                Interlocked.Add(ref deleted, outcome.StagingRowsDeleted);
            });

        RecipientsLog.ContactDataPurged(_log, incidentId, rows, stripped, deleted);
        return new ContactDataPurgeResult(rows, stripped, deleted);
    }

    /// <summary>One partition of an import: its rows as read, and the import it belongs to.</summary>
    internal sealed record Partition(string Key, string ImportId, List<TableEntity> Rows);

    /// <summary>Strips (committed import) or deletes (staging) the rows of one partition, re-reading it when a row changed meanwhile.</summary>
    internal static async Task<ContactDataPurgeResult> PurgePartitionAsync(
        TableClient table, Partition partition, bool committed, DateTimeOffset now, CancellationToken ct)
    {
        var rows = partition.Rows;
        var changed = 0;
        for (var attempt = 1; ; attempt++)
        {
            var actions = committed
                ? rows.Where(r => !RecipientFields.IsContactPurged(r))
                    .Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, RecipientFields.Stripped(r, now), r.ETag))
                : rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All));
            try
            {
                foreach (var chunk in actions.Chunk(RecipientKeys.BatchSize))
                {
                    await table.SubmitTransactionAsync(chunk, ct);
                    changed += chunk.Length;
                }

                return committed ? new(rows.Count, changed, 0) : new(0, 0, changed);
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412 && attempt < MaxAttempts)
            {
                rows = await ReadPartitionAsync(table, partition.Key, ct);
            }
        }
    }

    /// <summary>Every import ever committed for the incident; rows of any other import are staging.</summary>
    private static async Task<HashSet<string>> CommittedImportsAsync(TableClient table, string incidentId, CancellationToken ct)
    {
        var imports = new HashSet<string>(StringComparer.Ordinal);
        var partition = RecipientKeys.Imports(incidentId);
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == partition, select: ["ImportId"], cancellationToken: ct))
        {
            if (e.GetString("ImportId") is { Length: > 0 } importId)
            {
                imports.Add(importId);
            }
        }

        return imports;
    }

    /// <summary>
    /// The incident's import partitions (<c>{incident}|{importId}|{batch}</c>), each with its rows: one range query over
    /// the keys that start with <c>{incident}|</c>, read in key order and grouped as it streams.
    /// </summary>
    private static async IAsyncEnumerable<Partition> PartitionsAsync(
        TableClient table, string incidentId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var prefix = RowKeys.Safe(incidentId) + "|";
        var end = RowKeys.Safe(incidentId) + "}"; // '}' follows '|'
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {end}");
        Partition? current = null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (current is not null && current.Key != row.PartitionKey)
            {
                yield return current;
                current = null;
            }

            if (current is null)
            {
                var parts = row.PartitionKey[prefix.Length..].Split('|');
                if (parts.Length != 2)
                {
                    continue; // the manifest partition ({incident}|imports), not a batch
                }

                current = new Partition(row.PartitionKey, parts[0], []);
            }

            current.Rows.Add(row);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private static async Task<List<TableEntity>> ReadPartitionAsync(TableClient table, string partitionKey, CancellationToken ct)
    {
        var rows = new List<TableEntity>(RecipientKeys.BatchSize);
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == partitionKey, cancellationToken: ct))
        {
            rows.Add(e);
        }

        return rows;
    }
}
