using Azure;
using Azure.Data.Tables;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.Recipients;

/// <summary>What recording returned letters found and did.</summary>
/// <param name="NotLetterPeople">Positions in the request of the ids that are not letter people of the import: nothing was written.</param>
/// <param name="Purged">The contact data was purged meanwhile: nothing more was written.</param>
/// <param name="Marked">Rows moved to <c>returned</c> by this call.</param>
/// <param name="AlreadyReturned">Named rows that already said <c>returned</c>.</param>
/// <param name="Total">Letter people of the import whose letter came back, counted from the rows after the writes.</param>
public sealed record ReturnedLettersResult(IReadOnlyList<int> NotLetterPeople, bool Purged, int Marked, int AlreadyReturned, int Total);

/// <summary>
/// Marks the recipient rows of letters that came back: for each named person of the import whose channel is
/// <see cref="NoticeChannel.Letter"/>, <c>Status</c> = <c>returned</c> (final), <c>Channel</c> = indirect,
/// <c>ChannelBefore</c> = letter, <c>ReturnedAt</c> and <c>ReturnCode</c>. All or nothing for the request: every id is checked
/// before anything is written. Each batch partition is one ETag-checked transaction, read again on a lost race; a row
/// that already says <c>returned</c> is left as it is, so a repeated request writes nothing. The total is counted from
/// the rows afterwards (one range query over the import's partitions, letter rows only, keys and status projected), so
/// concurrent requests and a crash before the incident recorded it converge on the true count.
/// </summary>
public sealed class ReturnedLetterRecorder(StorageClients storage, TimeProvider time)
{
    private const int MaxAttempts = 20;
    private static readonly string[] Columns = ["PartitionKey", "RowKey", "Status", "Channel", "ChannelBefore", RecipientFields.ContactPurgedAt];

    public async Task<ReturnedLettersResult> ReturnAsync(string incidentId, string importId, IReadOnlyList<string> personIds, string reasonCode,
        CancellationToken ct)
    {
        var table = await storage.TableAsync(RecipientKeys.Table);
        var letterRows = await LetterRowsAsync(table, incidentId, importId, ct);
        var byKey = letterRows.ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var notLetterPeople = personIds.Select((id, i) => (Key: RecipientKeys.Person(id), i)).Where(p => !byKey.ContainsKey(p.Key)).Select(p => p.i).ToList();
        if (notLetterPeople.Count > 0)
        {
            return new(notLetterPeople, false, 0, 0, Count(letterRows));
        }

        var named = personIds.Select(RecipientKeys.Person).Distinct(StringComparer.Ordinal).Select(k => byKey[k]).ToList();
        if (named.Any(RecipientFields.IsContactPurged))
        {
            return new([], true, 0, 0, Count(letterRows));
        }

        var already = named.Count(IsReturned);
        var marked = 0;
        foreach (var partition in named.Where(r => !IsReturned(r)).GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            var written = await MarkAsync(table, [.. partition], reasonCode, ct);
            if (written is null)
            {
                return new([], true, marked, already, Count(await LetterRowsAsync(table, incidentId, importId, ct)));
            }

            marked += written.Value;
        }

        return new([], false, marked, already + (named.Count - already - marked), Count(await LetterRowsAsync(table, incidentId, importId, ct)));
    }

    /// <summary>Letter people of the import whose letter came back, counted from their rows.</summary>
    public async Task<int> CountAsync(string incidentId, string importId, CancellationToken ct) =>
        Count(await LetterRowsAsync(await storage.TableAsync(RecipientKeys.Table), incidentId, importId, ct));

    /// <summary>One transaction for one partition's rows; on a lost race the rows are read again. Null when a row was purged meanwhile.</summary>
    private async Task<int?> MarkAsync(TableClient table, List<TableEntity> rows, string reasonCode, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var actions = rows.Where(r => !IsReturned(r)).Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(r.PartitionKey, r.RowKey)
                {
                    ["Status"] = RecipientStatus.Returned,
                    ["Channel"] = nameof(NoticeChannel.Indirect),
                    ["ChannelBefore"] = nameof(NoticeChannel.Letter),
                    ["ReturnedAt"] = now,
                    ["ReturnCode"] = reasonCode,
                }, r.ETag)).ToList();
            if (actions.Count == 0)
            {
                return 0;
            }

            try
            {
                await table.SubmitTransactionAsync(actions, ct);
                return actions.Count;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 && attempt < MaxAttempts)
            {
                // Changed since read (a concurrent request, or the purge): read those rows again.
                var fresh = new List<TableEntity>(rows.Count);
                foreach (var row in rows)
                {
                    fresh.Add((await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, Columns, ct)).Value);
                }

                if (fresh.Any(RecipientFields.IsContactPurged))
                {
                    return null;
                }

                rows = fresh;
            }
        }
    }

    /// <summary>The import's rows of people with the letter channel, now or before their letter came back (keys and status only).</summary>
    private static async Task<List<TableEntity>> LetterRowsAsync(TableClient table, string incidentId, string importId, CancellationToken ct)
    {
        // Partition keys {incident}|{import}|{batch:D5}: the range from "…|" up to "…}" ('}' follows '|').
        var prefix = RecipientKeys.Batch(incidentId, importId, 0)[..^5];
        var upper = prefix[..^1] + "}";
        var letter = nameof(NoticeChannel.Letter);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper} and (Channel eq {letter} or ChannelBefore eq {letter})");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: Columns, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static int Count(IEnumerable<TableEntity> rows) => rows.Count(IsReturned);

    private static bool IsReturned(TableEntity row) =>
        row.GetString("Status") == RecipientStatus.Returned && row.GetString("ChannelBefore") == nameof(NoticeChannel.Letter);
}
