using Azure.Data.Tables;
using Notifications.Domain.Recipients;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// Writes the rows of one import into staging partitions of at most <see cref="RecipientKeys.BatchSize"/> rows, one
/// entity-group transaction per partition, with up to <see cref="MaxInFlight"/> transactions in flight (different
/// partitions, so they don't contend). Nothing reads these rows until the manifest points at the import, so a failed
/// import leaves only orphans, which <see cref="DeleteAsync"/> removes best-effort.
/// </summary>
internal sealed class StagingWriter(TableClient table, string incidentId, string importId)
{
    public const int MaxInFlight = 8;

    private readonly List<TableTransactionAction> _pending = new(RecipientKeys.BatchSize);
    private readonly List<Task> _inFlight = [];

    /// <summary>Partitions submitted so far (written, or being written).</summary>
    public int Batches { get; private set; }

    public async Task AddAsync(RecipientRow row, CancellationToken ct)
    {
        _pending.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            StoredRecipient.ToEntity(RecipientKeys.Batch(incidentId, importId, Batches), row)));
        if (_pending.Count == RecipientKeys.BatchSize)
        {
            await SubmitAsync(ct);
        }
    }

    /// <summary>Submits the last, partial batch and waits until every batch is written; throws if any failed.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_pending.Count > 0)
        {
            await SubmitAsync(ct);
        }

        await Task.WhenAll(_inFlight);
        _inFlight.Clear();
    }

    /// <summary>Deletes every staged batch; returns the number of rows deleted. Never throws for a storage error.</summary>
    public async Task<int> DeleteAsync(CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(_inFlight);
        }
        catch (Exception)
        {
            // A batch that failed to write has nothing to delete; the others are deleted below.
        }

        var deleted = 0;
        for (var batch = 0; batch < Batches; batch++)
        {
            try
            {
                var partition = RecipientKeys.Batch(incidentId, importId, batch);
                var actions = new List<TableTransactionAction>();
                await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, e));
                }

                if (actions.Count > 0)
                {
                    await table.SubmitTransactionAsync(actions, ct);
                    deleted += actions.Count;
                }
            }
            catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or TableTransactionFailedException)
            {
                // Best-effort: an orphan batch is never read, because no manifest points at its import.
            }
        }

        return deleted;
    }

    private async Task SubmitAsync(CancellationToken ct)
    {
        if (_inFlight.Count >= MaxInFlight)
        {
            var done = await Task.WhenAny(_inFlight);
            _inFlight.Remove(done);
            await done; // surfaces a failed write now, before more is sent
        }

        _inFlight.Add(table.SubmitTransactionAsync(_pending.ToList(), ct));
        _pending.Clear();
        Batches++;
    }
}
