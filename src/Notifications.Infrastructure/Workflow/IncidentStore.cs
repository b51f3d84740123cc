using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Notifications.Domain.Assessment;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.Workflow;

/// <summary>
/// One incident is one table partition: a <c>state</c> row (with ETag), <c>history|seq</c> rows, <c>inbox|eventId</c>
/// rows (inbound events as submitted, with their outcome), <c>applied|eventId</c> markers (with the commands the event
/// gave) and <c>activity|commandId</c> markers (an email sent once). An applied event is committed in one entity-group
/// transaction, so state, history, marker and outcome change together or not at all.
/// </summary>
public sealed class IncidentStore(StorageClients storage)
{
    public const string StateRow = "state";
    public const string HistoryPrefix = "history|";
    public const string AppliedPrefix = "applied|";
    public const string ActivityPrefix = "activity|";
    public const string InboxPrefix = "inbox|";

    /// <summary>
    /// State-row column: when the incident's contact data is due for the purge; absent while it is still needed and once
    /// it was purged, so the daily purge's query (<see cref="ContactDataDueAsync"/>) never reads a purged incident again.
    /// </summary>
    private const string ContactDataDueColumn = "ContactDataDueAt";

    private Task<TableClient> Table => storage.TableAsync(StorageNames.IncidentsTable);

    /// <summary>The state and its ETag, or an empty state with a null ETag when the incident does not exist.</summary>
    public async Task<(IncidentState State, ETag? ETag)> LoadAsync(string incidentId, CancellationToken ct)
    {
        var table = await Table;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(incidentId, StateRow, cancellationToken: ct);
        if (!row.HasValue || row.Value is null)
        {
            return (IncidentState.Empty(incidentId), null);
        }

        var state = JsonSerializer.Deserialize<IncidentState>(row.Value.GetString("Data"), WorkflowJson.Options)
            ?? throw new InvalidDataException($"Incident {incidentId} has an unreadable state row.");
        return (state, row.Value.ETag);
    }

    /// <summary>
    /// Records an inbound event in the incident's inbox, once: false when a row with its id is already there (a retried
    /// request, whose first outcome stands).
    /// </summary>
    public async Task<bool> AddInboxAsync(string incidentId, IncidentEvent inbound, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var table = await Table;
        try
        {
            await table.AddEntityAsync(new TableEntity(incidentId, InboxPrefix + RowKeys.Safe(inbound.EventId))
            {
                ["Type"] = inbound.TypeName,
                ["Data"] = JsonSerializer.Serialize(inbound, WorkflowJson.Options),
                ["ActorId"] = actor.Id,
                ["ActorRole"] = actor.Role,
                ["SubmittedAt"] = now,
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>An inbound event as submitted, with its outcome once decided; null when no event has that id.</summary>
    public async Task<InboxEntry?> InboxAsync(string incidentId, string eventId, CancellationToken ct)
    {
        var table = await Table;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(incidentId, InboxPrefix + RowKeys.Safe(eventId), cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } e)
        {
            return null;
        }

        return new InboxEntry(incidentId, eventId,
            JsonSerializer.Deserialize<IncidentEvent>(e.GetString("Data"), WorkflowJson.Options)!,
            new Actor(e.GetString("ActorId"), e.GetString("ActorRole")),
            e.GetDateTimeOffset("SubmittedAt") ?? default,
            Enum.TryParse<EventOutcome>(e.GetString("Outcome"), out var outcome) ? outcome : EventOutcome.Pending,
            e.GetString("Detail"),
            e.GetDateTimeOffset("DecidedAt"));
    }

    /// <summary>Records the outcome of an inbox event that changed nothing (ignored, rejected, not found).</summary>
    public async Task DecideInboxAsync(string incidentId, string eventId, EventOutcome outcome, string? detail, DateTimeOffset now, CancellationToken ct)
    {
        var table = await Table;
        await table.UpdateEntityAsync(InboxOutcome(incidentId, eventId, outcome, detail, now), ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>The commands recorded with an applied event's marker, or null when the event was not applied.</summary>
    public async Task<IReadOnlyList<WorkflowCommand>?> AppliedCommandsAsync(string incidentId, string eventId, CancellationToken ct)
    {
        var table = await Table;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(incidentId, AppliedPrefix + RowKeys.Safe(eventId), cancellationToken: ct);
        return !row.HasValue ? null
            : row.Value!.GetString("Commands") is { } json ? JsonSerializer.Deserialize<List<WorkflowCommand>>(json, WorkflowJson.Options)! : [];
    }

    /// <summary>
    /// Applies one decided event in one entity-group transaction: the new state, its history rows, the applied marker
    /// holding the decider's <paramref name="commands"/> (so a re-run returns them), and, for an inbox event, its outcome.
    /// Throws <see cref="ConcurrencyException"/> when another writer got there first.
    /// </summary>
    public async Task CommitAppliedAsync(
        IncidentState newState, ETag? etag, IReadOnlyList<HistoryEntry> history, IReadOnlyList<WorkflowCommand> commands,
        string eventId, bool fromInbox, DateTimeOffset now, CancellationToken ct)
    {
        var id = newState.IncidentId;
        var actions = new List<TableTransactionAction>
        {
            StateAction(newState, etag),
            new(TableTransactionActionType.Add, new TableEntity(id, AppliedPrefix + RowKeys.Safe(eventId))
            {
                ["At"] = now,
                ["Commands"] = JsonSerializer.Serialize(commands, WorkflowJson.Options),
            }),
        };
        actions.AddRange(history.Select(h => HistoryAction(id, h)));
        if (fromInbox)
        {
            actions.Add(new(TableTransactionActionType.UpdateMerge, InboxOutcome(id, eventId, EventOutcome.Applied, null, now), ETag.All));
        }

        await SubmitAsync(id, actions, ct);
    }

    private async Task SubmitAsync(string incidentId, List<TableTransactionAction> actions, CancellationToken ct)
    {
        var table = await Table;
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyException(incidentId, ex);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyException(incidentId, ex);
        }
    }

    private static TableTransactionAction StateAction(IncidentState state, ETag? etag)
    {
        var row = new TableEntity(state.IncidentId, StateRow)
        {
            ["Data"] = JsonSerializer.Serialize(state, WorkflowJson.Options),
            ["Status"] = state.Status.ToString(),
            ["Version"] = state.Version,
            ["PublicBody"] = state.Report?.PublicBody,
            ["Deadline"] = state.Deadline,
            ["ReportedAt"] = state.ReportedAt,
            [ContactDataDueColumn] = state.ContactDataPurgedAt is null ? IncidentDecider.ContactDataDueAt(state) : null,
        };
        var register = RegisterRow.Of(state);
        row[RegisterColumnsMarker] = RegisterColumnsVersion;
        row["Title"] = register.Title;
        row["Urgency"] = register.Urgency.ToString();
        row["ClosedReason"] = register.ClosedReason;
        row["Discovered"] = register.Discovered;
        row["AwaitingDecision"] = register.AwaitingDecision;
        return etag is { } e
            ? new(TableTransactionActionType.UpdateReplace, row, e)
            : new(TableTransactionActionType.Add, row);
    }

    private static TableTransactionAction HistoryAction(string incidentId, HistoryEntry h) =>
        new(TableTransactionActionType.Add, new TableEntity(incidentId, HistoryKey(h.Sequence))
        {
            ["Type"] = h.Type,
            ["At"] = h.At,
            ["ActorId"] = h.Actor.Id,
            ["ActorRole"] = h.Actor.Role,
            ["Data"] = JsonSerializer.Serialize(h.Event, WorkflowJson.Options),
        });

    private static TableEntity InboxOutcome(string incidentId, string eventId, EventOutcome outcome, string? detail, DateTimeOffset now) =>
        new(incidentId, InboxPrefix + RowKeys.Safe(eventId))
        {
            ["Outcome"] = outcome.ToString(),
            ["Detail"] = detail,
            ["DecidedAt"] = now,
        };

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string incidentId, CancellationToken ct)
    {
        var table = await Table;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {incidentId} and RowKey ge {HistoryPrefix} and RowKey lt {HistoryPrefix + "~"}");
        var entries = new List<HistoryEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            entries.Add(new HistoryEntry(
                long.Parse(row.RowKey[HistoryPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture),
                row.GetDateTimeOffset("At") ?? default,
                row.GetString("Type"),
                new Actor(row.GetString("ActorId"), row.GetString("ActorRole")),
                JsonSerializer.Deserialize<IncidentEvent>(row.GetString("Data"), WorkflowJson.Options)!));
        }

        return entries;
    }

    /// <summary>
    /// The register: every incident's state row, filtered on the columns kept beside the JSON for that purpose, and read
    /// from those columns alone (a state row's JSON is several KB; the register of 1,000 incidents would read megabytes).
    /// A row written before the columns existed is read from its JSON. A cross-partition query; incidents number in the
    /// thousands, not millions. Newest first.
    /// </summary>
    public async Task<IReadOnlyList<RegisterRow>> RegisterAsync(RegisterFilter filter, CancellationToken ct)
    {
        var table = await Table;
        var query = TableClient.CreateQueryFilter($"RowKey eq {StateRow}");
        if (filter.Status is { } status)
        {
            query += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        if (filter.PublicBody is { } body)
        {
            query += " and " + TableClient.CreateQueryFilter($"PublicBody eq {body}");
        }

        if (filter.ReportedFrom is { } from)
        {
            query += " and " + TableClient.CreateQueryFilter($"ReportedAt ge {from}");
        }

        if (filter.ReportedTo is { } to)
        {
            query += " and " + TableClient.CreateQueryFilter($"ReportedAt lt {to}");
        }

        var rows = new List<RegisterRow>();
        await foreach (var row in table.QueryAsync<TableEntity>(query, select: RegisterSelect, cancellationToken: ct))
        {
            rows.Add(row.GetInt32(RegisterColumnsMarker) == RegisterColumnsVersion
                ? RegisterRow.Of(row)
                : RegisterRow.Of((await LoadAsync(row.PartitionKey, ct)).State));
            if (rows.Count >= filter.Limit)
            {
                break;
            }
        }

        return rows.OrderByDescending(r => r.ReportedAt).ToList();
    }

    /// <summary>State-row column: the version of the register columns the row carries (absent on rows written before them).</summary>
    private const string RegisterColumnsMarker = "RegisterColumns";

    private const int RegisterColumnsVersion = 1;

    private static readonly string[] RegisterSelect =
        ["PartitionKey", "Status", "PublicBody", "ReportedAt", "Deadline", "Urgency", "ClosedReason", "Title", "Discovered", "AwaitingDecision", RegisterColumnsMarker];

    /// <summary>
    /// Incidents whose contact data is due for the purge at <paramref name="now"/> and not yet purged: a cross-partition
    /// query on the state rows' <see cref="ContactDataDueColumn"/>.
    /// </summary>
    public async Task<IReadOnlyList<IncidentState>> ContactDataDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var table = await Table;
        var query = TableClient.CreateQueryFilter($"RowKey eq {StateRow} and ContactDataDueAt le {now}");
        return await QueryStatesAsync(table, query, int.MaxValue, ct);
    }

    private static async Task<List<IncidentState>> QueryStatesAsync(TableClient table, string query, int limit, CancellationToken ct)
    {
        var states = new List<IncidentState>();
        await foreach (var row in table.QueryAsync<TableEntity>(query, cancellationToken: ct))
        {
            states.Add(JsonSerializer.Deserialize<IncidentState>(row.GetString("Data"), WorkflowJson.Options)!);
            if (states.Count >= limit)
            {
                break;
            }
        }

        return states;
    }

    /// <summary>Reads an activity marker (<c>sending</c> or <c>sent</c>), or null.</summary>
    public async Task<string?> ActivityStatusAsync(string incidentId, string commandId, CancellationToken ct)
    {
        var table = await Table;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(incidentId, ActivityPrefix + RowKeys.Safe(commandId), cancellationToken: ct);
        return row.HasValue ? row.Value!.GetString("Status") : null;
    }

    public async Task MarkActivityAsync(string incidentId, string commandId, string status, DateTimeOffset now, CancellationToken ct)
    {
        var table = await Table;
        await table.UpsertEntityAsync(
            new TableEntity(incidentId, ActivityPrefix + RowKeys.Safe(commandId)) { ["Status"] = status, ["At"] = now },
            TableUpdateMode.Replace, ct);
    }

    private static string HistoryKey(long sequence) =>
        HistoryPrefix + sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One incident as the register lists it: its state row's register columns, or the same values from its state.</summary>
public sealed record RegisterRow(string IncidentId, IncidentStatus Status, string? PublicBody, DateTimeOffset? ReportedAt, DateTimeOffset? Deadline,
    Urgency Urgency, string? ClosedReason, string? Title, DateTimeOffset? Discovered, bool AwaitingDecision)
{
    public static RegisterRow Of(IncidentState s) => new(
        s.IncidentId, s.Status, s.Report?.PublicBody, s.ReportedAt, s.Deadline, s.Urgency, s.ClosedReason, s.Report?.Title, s.Facts?.Discovered,
        s.Status == IncidentStatus.Open && s.CurrentProposal is not null && s.Decision is null);

    public static RegisterRow Of(TableEntity row) => new(
        row.PartitionKey, Enum.Parse<IncidentStatus>(row.GetString("Status")), row.GetString("PublicBody"), row.GetDateTimeOffset("ReportedAt"),
        row.GetDateTimeOffset("Deadline"), Enum.Parse<Urgency>(row.GetString("Urgency")), row.GetString("ClosedReason"), row.GetString("Title"),
        row.GetDateTimeOffset("Discovered"), row.GetBoolean("AwaitingDecision") ?? false);
}

/// <summary>Filters for the incident register; null means any.</summary>
public sealed record RegisterFilter(IncidentStatus? Status, string? PublicBody, DateTimeOffset? ReportedFrom, DateTimeOffset? ReportedTo, int Limit = 5000);

/// <summary>Another writer changed the incident first; reload and decide again.</summary>
public sealed class ConcurrencyException(string incidentId, Exception inner)
    : Exception($"Incident {incidentId} was changed concurrently.", inner);
