using Notifications.Domain.Incidents;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// Records <see cref="NoticesCompleted"/> when an incident's fan-out is complete: direct = sent by email (and not bounced
/// since); letters and withheld from the import's counts by channel; indirect = the import's indirect channel plus
/// permanent email failures and bounces.
/// Held (logged, not recorded) while any notice was blocked by the linter: those people are not notified yet.
/// </summary>
public sealed partial class NoticeCompletion(FanOutProgress progress, IncidentStore store, WorkflowEngine engine, ILogger<NoticeCompletion> logger)
{
    public async Task<bool> RecordAsync(string incidentId, CancellationToken ct)
    {
        var snapshot = await progress.GetAsync(incidentId, ct);
        if (snapshot is not { IsComplete: true })
        {
            return false;
        }

        if (snapshot.Blocked > 0)
        {
            LogHeld(incidentId, snapshot.RunId, snapshot.Blocked);
            return false;
        }

        var (state, _) = await store.LoadAsync(incidentId, ct);
        if (state.NoticesCompletedAt is not null || state.Status != IncidentStatus.Notifying)
        {
            return false;
        }

        var byChannel = state.Recipients?.Counts.ByChannel ?? new Dictionary<NoticeChannel, long>();
        var counts = Counts(snapshot, byChannel);
        var completed = new NoticesCompleted(counts) { EventId = $"notices-completed:{snapshot.RunId}" };
        await engine.HandleAsync(incidentId, completed, Actor.Activity("send-notification-batch"), ct);
        LogCompleted(incidentId, snapshot.RunId, counts.Direct, counts.Letters, counts.Indirect, counts.Withheld);
        return true;
    }

    /// <summary>
    /// After a delivery report changed an incident's counts: records completion if the run is complete and completion is
    /// not recorded yet; once it is recorded, records <see cref="NoticeCountsRevised"/> with the counts as they now stand.
    /// The incident is written only when the counts differ from the recorded ones; the event id is derived from the counts,
    /// so handlers that computed the same counts at once record them once.
    /// </summary>
    public async Task<bool> ReviseAsync(string incidentId, CancellationToken ct)
    {
        var snapshot = await progress.GetAsync(incidentId, ct);
        if (snapshot is not { IsComplete: true })
        {
            return false;
        }

        var (state, _) = await store.LoadAsync(incidentId, ct);
        if (state.NoticesCompletedAt is null)
        {
            // The run's last batch may be recording completion right now from counts read before this report: record
            // it here, and revise below if what got recorded is older.
            await RecordAsync(incidentId, ct);
            (state, _) = await store.LoadAsync(incidentId, ct);
        }

        if (state is not { NoticesCompletedAt: not null, Notices: { } recorded })
        {
            return false;
        }

        var counts = Counts(snapshot, state.Recipients?.Counts.ByChannel ?? new Dictionary<NoticeChannel, long>());
        if (recorded.SameAs(counts) || counts.Indirect < recorded.Indirect)
        {
            return false;
        }

        var revised = new NoticeCountsRevised(counts) { EventId = RevisionEventId(counts) };
        var result = await engine.HandleAsync(incidentId, revised, Actor.Activity("receive-delivery-report"), ct);
        LogRevised(incidentId, snapshot.RunId, counts.Direct, counts.Indirect, result.Outcome);
        return result.Outcome == HandleOutcome.Applied;
    }

    /// <summary>Deterministic: the same counts give the same id, so concurrent handlers record them once.</summary>
    public static string RevisionEventId(NoticeCounts c) => $"notice-counts-revised:d{c.Direct}-l{c.Letters}-i{c.Indirect}-w{c.Withheld}";

    public static NoticeCounts Counts(FanOutSnapshot snapshot, IReadOnlyDictionary<NoticeChannel, long> byChannel)
    {
        int Channel(NoticeChannel c) => (int)byChannel.GetValueOrDefault(c);
        var direct = (int)snapshot.Sent;
        var letters = Channel(NoticeChannel.Letter);
        var indirect = Channel(NoticeChannel.Indirect) + (int)snapshot.FailedPermanent + (int)snapshot.Bounced;
        var withheld = Channel(NoticeChannel.Withheld);
        var method = $"Notified directly by email ({direct}); by letter where there was no email address ({letters}); "
            + $"by indirect notice where contact information was missing or the email could not be delivered ({indirect}).";
        IReadOnlyList<string> reasons = withheld > 0
            ? ["Notice could reasonably be expected to result in immediate and grave harm; the reason is recorded with each person."]
            : [];
        return new NoticeCounts(direct, letters, indirect, withheld, reasons, method);
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Incident {IncidentId}: run {RunId} complete but {Blocked} notices blocked; completion not recorded")]
    private partial void LogHeld(string incidentId, string runId, long blocked);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: run {RunId} complete: direct {Direct}, letters {Letters}, indirect {Indirect}, withheld {Withheld}")]
    private partial void LogCompleted(string incidentId, string runId, int direct, int letters, int indirect, int withheld);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: run {RunId} notice counts revised after delivery reports: direct {Direct}, indirect {Indirect} ({Outcome})")]
    private partial void LogRevised(string incidentId, string runId, int direct, int indirect, HandleOutcome outcome);
}
