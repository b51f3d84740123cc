using Microsoft.DurableTask.Client;
using Notifications.Domain.Incidents;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// Records <see cref="NoticesCompleted"/> when an incident's fan-out is complete: direct = sent by email (and not bounced
/// since); letters = the letters exported (<see cref="LettersExported"/>); withheld from the import's counts by channel;
/// indirect = the import's indirect channel plus permanent email failures and bounces. Held (logged, not recorded) while
/// any notice was blocked by the linter, and while the import has people to notify by letter and no letters export of
/// that import has been recorded, or the latest one blocked some letters: those people are not notified yet. The
/// fan-out's last batch and each letters export call it, so whichever finishes last completes the notices; an import
/// with nobody to email needs no fan-out run. Letters that came back undelivered (<see cref="LettersReturned"/>) count
/// as indirect, not letters. A delivery report or a returned letter afterwards revises the counts (<see cref="ReviseAsync"/>).
/// </summary>
public sealed partial class NoticeCompletion(FanOutProgress progress, IncidentStore store, Incidents.IncidentCommands commands, ILogger<NoticeCompletion> logger)
{
    /// <summary>The withheld reason recorded with the counts; each person's own reason stays on their row.</summary>
    public const string WithheldReason =
        "Notice could reasonably be expected to result in immediate and grave harm; the reason is recorded with each person.";

    public Task<bool> RecordAsync(DurableTaskClient durable, string incidentId, CancellationToken ct) =>
        RecordAsync(durable, incidentId, Actor.Activity("send-notification-batch"), ct);

    /// <param name="actor">
    /// Who the history names for the completion: the batch activity, the letters export, or, for an import with nobody to
    /// email or write to, the approval or the import that came last.
    /// </param>
    public async Task<bool> RecordAsync(DurableTaskClient durable, string incidentId, Actor actor, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(incidentId, ct);
        if (state.NoticeContent?.ApprovedAt is null || state.NoticeContentHold?.Holds(NoticeContentTargets.Approved) == true)
        {
            // Without approved content (or while it is held for personal information in it) there is no public notice
            // for the indirect people, and nothing was sent.
            return false;
        }

        var snapshot = await FanOutAsync(incidentId, state, ct);
        if (snapshot is not { IsComplete: true })
        {
            return false;
        }

        if (snapshot.Blocked > 0)
        {
            LogHeld(incidentId, snapshot.RunId, snapshot.Blocked);
            return false;
        }

        if (state.NoticesCompletedAt is not null || state.Status != IncidentStatus.Notifying)
        {
            return false;
        }

        var byChannel = state.Recipients?.Counts.ByChannel ?? new Dictionary<NoticeChannel, long>();
        var letters = CurrentLettersExport(state);
        var letterPeople = byChannel.GetValueOrDefault(NoticeChannel.Letter);
        if (letterPeople > 0 && letters is null)
        {
            LogHeldForLetters(incidentId, snapshot.RunId, letterPeople);
            return false;
        }

        if (letters is { Blocked: > 0 })
        {
            LogHeldForBlockedLetters(incidentId, snapshot.RunId, letters.Blocked);
            return false;
        }

        var counts = Counts(snapshot, byChannel, LettersNotReturned(state), state.ReturnedLettersOfCurrentImport);
        var completed = new NoticesCompleted(counts) { EventId = $"notices-completed:{snapshot.RunId}" };
        // Waited for (a few seconds at most), so the request that completed the notices answers with them complete.
        await commands.DecideAsync(durable, incidentId, completed, actor, ct);
        LogCompleted(incidentId, snapshot.RunId, counts.Direct, counts.Letters, counts.Indirect, counts.Withheld);
        return true;
    }

    /// <summary>
    /// After a delivery report or a returned letter changed an incident's counts: records completion if the run is
    /// complete and completion is not recorded yet; once it is recorded, records <see cref="NoticeCountsRevised"/> with the
    /// counts as they now stand. The incident is written only when the counts differ from the recorded ones; the event id
    /// is derived from the counts, so handlers that computed the same counts at once record them once.
    /// </summary>
    public Task<bool> ReviseAsync(DurableTaskClient durable, string incidentId, CancellationToken ct) =>
        ReviseAsync(durable, incidentId, Actor.Activity("receive-delivery-report"), ct);

    /// <param name="actor">Who the history names for a revision: the delivery-report activity, or the officer who recorded returned letters.</param>
    public async Task<bool> ReviseAsync(DurableTaskClient durable, string incidentId, Actor actor, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(incidentId, ct);
        var snapshot = await FanOutAsync(incidentId, state, ct);
        if (snapshot is null)
        {
            return false;
        }

        if (state.NoticesCompletedAt is null)
        {
            if (!snapshot.IsComplete)
            {
                return false;
            }

            // The run's last batch may be recording completion right now from counts read before this report: record
            // it here, and revise below if what got recorded is older.
            await RecordAsync(durable, incidentId, ct);
            (state, _) = await store.LoadAsync(incidentId, ct);
        }

        if (state is not { NoticesCompletedAt: not null, Notices: { } recorded })
        {
            return false;
        }

        var counts = state.IndirectNotice is null
            ? Counts(snapshot, state.Recipients?.Counts.ByChannel ?? new Dictionary<NoticeChannel, long>(), LettersNotReturned(state),
                state.ReturnedLettersOfCurrentImport)
            : SinceIndirectNotice(state.IndirectNotice.Counts ?? recorded, snapshot.Sent, LettersNotReturned(state) ?? 0);
        if (recorded.SameAs(counts) || counts.Indirect < recorded.Indirect)
        {
            return false;
        }

        var revised = new NoticeCountsRevised(counts) { EventId = RevisionEventId(counts) };
        // Handlers that computed the same counts at once submit one event id: the inbox takes it once.
        var added = await commands.SubmitAsync(durable, incidentId, revised, actor, ct);
        await commands.WaitAsync(incidentId, revised.EventId, ct);
        LogRevised(incidentId, snapshot.RunId, counts.Direct, counts.Letters, counts.Indirect, added);
        return added;
    }

    /// <summary>
    /// The fan-out's progress. An import with nobody to email needs no run: without one (or while its batches are still
    /// skipping everyone) it is an empty, complete fan-out named after the import's run id, so the letters export alone
    /// can complete a letters-only incident.
    /// </summary>
    private async Task<FanOutSnapshot?> FanOutAsync(string incidentId, IncidentState state, CancellationToken ct)
    {
        var snapshot = await progress.GetAsync(incidentId, ct);
        if (snapshot is { IsComplete: true } || state.Recipients is not { } import || import.Counts.ByChannel.GetValueOrDefault(NoticeChannel.Email) > 0)
        {
            return snapshot;
        }

        return new FanOutSnapshot(incidentId, snapshot?.RunId ?? NotificationEndpoints.RunIdFor(import.ImportId), People: 0, Batches: 0,
            BatchesReleased: 0, BatchesReported: 0, BatchesComplete: 0, Sent: 0, Blocked: 0, FailedPermanent: 0, Skipped: 0, Pending: 0,
            Halted: false, StartedAt: snapshot?.StartedAt ?? default, LastReportAt: null, SentPerSecond: 0, Eta: TimeSpan.Zero);
    }

    /// <summary>Deterministic: the same counts give the same id, so concurrent handlers record them once.</summary>
    public static string RevisionEventId(NoticeCounts c) => $"notice-counts-revised:d{c.Direct}-l{c.Letters}-i{c.Indirect}-w{c.Withheld}";

    /// <summary>
    /// The whole incident went to indirect notice after some people had been emailed or written to
    /// (<see cref="IndirectNoticeChosen"/>): an email that bounced or a letter that came back since then moves its person to
    /// indirect; the public notice already covers them. Counted from the counts of the switch, so the method names each
    /// total once however many revisions came before.
    /// </summary>
    public static NoticeCounts SinceIndirectNotice(NoticeCounts atSwitch, long sentNow, int lettersNow)
    {
        var bounced = atSwitch.Direct - (int)Math.Min(sentNow, atSwitch.Direct);
        var returned = atSwitch.Letters - Math.Min(lettersNow, atSwitch.Letters);
        return bounced == 0 && returned == 0 ? atSwitch : atSwitch with
        {
            Bounced = atSwitch.Bounced + bounced,
            Direct = atSwitch.Direct - bounced,
            Letters = atSwitch.Letters - returned,
            Indirect = atSwitch.Indirect + bounced + returned,
            Method = atSwitch.Method
                + (bounced > 0 ? $" Emails to {bounced} of them bounced afterwards; the public notice covers those people." : "")
                + (returned > 0 ? $" Letters to {returned} of them came back undelivered; the public notice covers those people." : ""),
        };
    }

    /// <param name="lettersExported">The letters of the recorded export that did not come back; the import's letter channel when there is none.</param>
    /// <param name="lettersReturned">Letter people of the import whose letter came back undelivered: counted as indirect notice.</param>
    public static NoticeCounts Counts(FanOutSnapshot snapshot, IReadOnlyDictionary<NoticeChannel, long> byChannel, int? lettersExported = null,
        int lettersReturned = 0)
    {
        int Channel(NoticeChannel c) => (int)byChannel.GetValueOrDefault(c);
        var direct = (int)snapshot.Sent;
        var letters = lettersExported ?? Channel(NoticeChannel.Letter) - lettersReturned;
        var indirect = Channel(NoticeChannel.Indirect) + (int)snapshot.FailedPermanent + (int)snapshot.Bounced + lettersReturned;
        var withheld = Channel(NoticeChannel.Withheld);
        var method = $"Notified directly by email ({direct}); by letter where there was no email address ({letters}); "
            + $"by indirect notice where contact information was missing or the email could not be delivered ({indirect})"
            + (lettersReturned > 0 ? $", including {lettersReturned} whose letter came back undelivered." : ".");
        IReadOnlyList<string> reasons = withheld > 0 ? [WithheldReason] : [];
        return new NoticeCounts(direct, letters, indirect, withheld, reasons, method) { Bounced = (int)snapshot.FailedPermanent + (int)snapshot.Bounced };
    }

    /// <summary>The recorded letters export of the current import, if any.</summary>
    internal static LettersExported? CurrentLettersExport(IncidentState state) =>
        state.LettersExport is { } export && export.ImportId == state.Recipients?.ImportId ? export : null;

    /// <summary>
    /// Letters of the current import's export that came back since it was written (those already back then were left out
    /// of it and counted in its <see cref="LettersExported.Returned"/>).
    /// </summary>
    private static int LettersReturnedSinceExport(IncidentState state) =>
        CurrentLettersExport(state) is { } export ? Math.Max(0, state.ReturnedLettersOfCurrentImport - export.Returned) : 0;

    /// <summary>The letters of the current import's export that have not come back; null without an export.</summary>
    internal static int? LettersNotReturned(IncidentState state) =>
        CurrentLettersExport(state) is { } export ? export.Letters - LettersReturnedSinceExport(state) : null;

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Incident {IncidentId}: run {RunId} complete but {Blocked} notices blocked; completion not recorded")]
    private partial void LogHeld(string incidentId, string runId, long blocked);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: run {RunId} complete; {Letters} people are to get a letter and no letters export is recorded; completion not recorded")]
    private partial void LogHeldForLetters(string incidentId, string runId, long letters);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning,
        Message = "Incident {IncidentId}: run {RunId} complete but the letters export blocked {Blocked} letters; completion not recorded")]
    private partial void LogHeldForBlockedLetters(string incidentId, string runId, int blocked);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: run {RunId} complete: direct {Direct}, letters {Letters}, indirect {Indirect}, withheld {Withheld}")]
    private partial void LogCompleted(string incidentId, string runId, int direct, int letters, int indirect, int withheld);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Information,
        Message = "Incident {IncidentId}: run {RunId} notice counts revised: direct {Direct}, letters {Letters}, indirect {Indirect} (submitted {Submitted})")]
    private partial void LogRevised(string incidentId, string runId, int direct, int letters, int indirect, bool submitted);
}
