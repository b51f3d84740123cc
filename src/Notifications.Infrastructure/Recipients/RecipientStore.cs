using Azure.Data.Tables;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// Reads the current import of an incident, for the fan-out: one batch is one partition of at most 100 people,
/// addressed by a deterministic <see cref="RecipientBatch.BatchId"/>. Only the import the manifest points to is visible.
/// </summary>
public sealed class RecipientStore(StorageClients storage)
{
    private Task<TableClient> Table => storage.TableAsync(RecipientKeys.Table);

    /// <summary>The committed import of the incident, or null when none has been.</summary>
    public async Task<ImportManifest?> GetManifestAsync(string incidentId, CancellationToken ct = default)
    {
        var table = await Table;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(RecipientKeys.Imports(incidentId), RecipientKeys.CurrentRow, cancellationToken: ct);
        return row.HasValue && row.Value is not null ? ImportManifest.FromEntity(row.Value) : null;
    }

    /// <summary>The batches of the current import, in order; empty when nothing has been imported.</summary>
    public async Task<IReadOnlyList<RecipientBatch>> ListBatchesAsync(string incidentId, CancellationToken ct = default)
    {
        var manifest = await GetManifestAsync(incidentId, ct);
        if (manifest is null)
        {
            return [];
        }

        return Enumerable.Range(0, manifest.Batches).Select(b => new RecipientBatch(
            incidentId, manifest.ImportId, b, RecipientKeys.Batch(incidentId, manifest.ImportId, b),
            (int)Math.Min(RecipientKeys.BatchSize, manifest.Counts.Rows - ((long)b * RecipientKeys.BatchSize)))).ToList();
    }

    /// <summary>The people of batch <paramref name="batchNumber"/> (0-based) of the current import, in file order.</summary>
    public async Task<IReadOnlyList<StoredRecipient>> ReadBatchAsync(string incidentId, int batchNumber, CancellationToken ct = default)
    {
        var manifest = await GetManifestAsync(incidentId, ct);
        return manifest is null || batchNumber < 0 || batchNumber >= manifest.Batches
            ? []
            : await ReadPartitionAsync(RecipientKeys.Batch(incidentId, manifest.ImportId, batchNumber), ct);
    }

    /// <summary>The people of one batch, pinned to its import (a later import does not change what it reads).</summary>
    public Task<IReadOnlyList<StoredRecipient>> ReadBatchAsync(RecipientBatch batch, CancellationToken ct = default) =>
        ReadPartitionAsync(batch.BatchId, ct);

    /// <summary>
    /// Everyone of the current import, in file order, as one range query over its batch partitions (their keys sort in
    /// batch order) instead of one query per batch: what a whole-import index (the notice linter's) reads. With
    /// <paramref name="importId"/>, nobody when the current import is another one.
    /// </summary>
    public async Task<IReadOnlyList<StoredRecipient>> ReadImportAsync(string incidentId, CancellationToken ct = default, string? importId = null)
    {
        var manifest = await GetManifestAsync(incidentId, ct);
        if (manifest is null || manifest.Batches == 0 || (importId is not null && manifest.ImportId != importId))
        {
            return [];
        }

        var table = await Table;
        var first = RecipientKeys.Batch(incidentId, manifest.ImportId, 0);
        var last = RecipientKeys.Batch(incidentId, manifest.ImportId, manifest.Batches - 1);
        var people = new List<StoredRecipient>((int)Math.Min(manifest.Counts.Rows, 1_000_000));
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last}"), cancellationToken: ct))
        {
            people.Add(StoredRecipient.FromEntity(e));
        }

        return people.OrderBy(p => p.Line).ToList();
    }

    private async Task<IReadOnlyList<StoredRecipient>> ReadPartitionAsync(string partitionKey, CancellationToken ct)
    {
        var table = await Table;
        var people = new List<StoredRecipient>(RecipientKeys.BatchSize);
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == partitionKey, cancellationToken: ct))
        {
            people.Add(StoredRecipient.FromEntity(e));
        }

        return people.OrderBy(p => p.Line).ToList();
    }
}

/// <summary>One batch of an import: the unit of one fan-out message. <see cref="BatchId"/> is its partition key.</summary>
public sealed record RecipientBatch(string IncidentId, string ImportId, int Number, string BatchId, int Rows);
