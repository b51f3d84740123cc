using Notifications.Domain.Assessment;
using Notifications.Domain.Containment;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;

namespace Notifications.Domain.Incidents;

/// <summary>
/// The pure core of the incident workflow: <see cref="Decide"/> turns one inbound event into events and commands.
/// Nothing here reads a clock, sends or stores. The rules come from the incident's policy pack.
/// </summary>
/// <param name="contact">The privacy office's contact person, named in the Commissioner's report.</param>
public sealed partial class IncidentDecider(ContactPerson contact)
{
    public Decision Decide(IncidentState state, IncidentEvent inbound, DateTimeOffset now)
    {
        var transition = IncidentTransitions.For(state.Status, inbound.GetType());
        if (transition.Kind == TransitionKind.Reject)
        {
            throw new InvalidTransitionException(state.Status, inbound.TypeName);
        }

        if (transition.Kind == TransitionKind.Ignore)
        {
            return Decision.Nothing;
        }

        var d = new DecisionBuilder(state, now);
        switch (inbound)
        {
            case IncidentReported r:
                Register(d, r);
                break;
            case FactsAmended a:
                Amend(d, a);
                break;
            case AssessmentProposed p when p.FactsVersion == state.FactsVersion:
                d.Add(p);
                break;
            case SignificantHarmDecided s:
                DecideSignificant(d, s);
                break;
            case NoSignificantHarmDecided b:
                RequireCurrentProposal(state, b.FactsVersion, b.Kind, b.Reason);
                d.Add(b);
                break;
            case TimerFired { Kind: TimerKind.Reminder } t:
                ReminderDue(d, t);
                break;
            case ReminderSent sent when !state.RemindersSent.Contains(sent.ReminderId):
                d.Add(sent);
                break;
            case ContainmentTaskAdded a:
                Require(state.Task(a.Task.TaskId) is null, $"A task '{a.Task.TaskId}' already exists.");
                d.Add(a);
                break;
            case ContainmentTaskCompleted c:
                CompleteTask(d, c);
                break;
            case WrongRecipientsRegistered w:
                RegisterWrongRecipients(d, w);
                break;
            case DeletionRequestsSent sent:
                d.Add(sent);
                break;
            case DeletionConfirmed c:
                ConfirmDeletion(d, c);
                break;
            case CommissionerReportApproved a:
                ApproveReport(d, a);
                break;
            case CommissionerReportSent sent when state.CommissionerReport is { SentAt: null }:
                d.Add(sent);
                break;
            case RecipientsImported r:
                Require(state.ContactDataPurgedAt is null, ContactDataWasPurged);
                d.Add(r);
                HoldNoticeContent(d, r);
                break;
            case NoticeContentHeld h:
                HoldNoticeContent(d, h);
                break;
            case NoticeContentSubmitted c:
                SubmitNoticeContent(d, c);
                break;
            case NoticeContentApproved a:
                ApproveNoticeContent(d, a);
                break;
            case LettersExported l:
                ExportLetters(d, l);
                break;
            case LettersReexported l:
                ReexportLetters(d, l);
                break;
            case LettersReturned r:
                ReturnLetters(d, r);
                break;
            case NoticesCompleted n when state.NoticesCompletedAt is null:
                d.Add(n);
                Redraft(d, n.EventId, outcomeChanged: true);
                break;
            case IndirectNoticeChosen i:
                ChooseIndirectNotice(d, i);
                break;
            case NoticeCountsRevised r:
                ReviseNoticeCounts(d, r);
                break;
            case IncidentClosed c:
                d.Add(c);
                break;
            case ContactDataPurged p:
                PurgeContactData(d, p);
                break;
            case NotificationStarted or NotificationHalted or NotificationResumed:
                d.Add(inbound);
                break;
        }

        return d.Build();
    }

    private static void Register(DecisionBuilder d, IncidentReported r)
    {
        d.Add(r);
        var facts = r.Report.Facts;
        var pack = Pack(d.State);
        var urgency = facts.PhysicalHarmPossible ? Urgency.Immediate : Urgency.Standard;
        SetDeadline(d, pack, HarmLevel.High, urgency, ProvisionalNote, r.EventId);
        var tasks = ContainmentPlanner.Plan(facts, pack, d.Now);
        if (tasks.Count > 0)
        {
            d.Add(new ContainmentPlanned(tasks) { EventId = $"{r.EventId}:containment" });
        }

        Assess(d);
    }

    private void Amend(DecisionBuilder d, FactsAmended a)
    {
        var before = d.State.Facts!;
        d.Add(a);
        if (a.Facts.PhysicalHarmPossible && !before.PhysicalHarmPossible)
        {
            SetDeadline(d, Pack(d.State), HarmLevel.Critical, Urgency.Immediate, "; physical harm became possible", a.EventId);
        }

        Assess(d);
        Redraft(d, a.EventId);
    }

    private void DecideSignificant(DecisionBuilder d, SignificantHarmDecided s)
    {
        var proposal = RequireCurrentProposal(d.State, s.FactsVersion, s.Kind, s.Reason);
        Require(s.Kind == DecisionKind.Overridden || proposal.SignificantHarm,
            "The proposal is not significant harm; to notify anyway, override it with a written reason.");
        d.Add(s);
        SetDeadline(d, Pack(d.State), s.Level, s.Urgency, "", s.EventId);
        Redraft(d, s.EventId);
    }

    private static AssessmentProposal RequireCurrentProposal(IncidentState state, int factsVersion, DecisionKind kind, string? reason)
    {
        Require(factsVersion == state.FactsVersion && state.CurrentProposal is not null,
            "The assessment of the latest facts is not ready yet; decide once it is proposed.");
        Require(kind == DecisionKind.Confirmed || !string.IsNullOrWhiteSpace(reason), "An override needs a written reason.");
        return state.CurrentProposal!;
    }

    private static void Assess(DecisionBuilder d) =>
        d.Command(new AssessHarm($"assess-harm:v{d.State.FactsVersion}", d.State.FactsVersion));

    internal static PolicyPack Pack(IncidentState state) => PackOf(state);

    /// <summary>The policy pack an incident was registered under.</summary>
    public static PolicyPack PackOf(IncidentState state) => PolicyPacks.Get(state.PackId, state.PackVersion);

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new DecisionRejectedException(reason);
        }
    }
}
