using Notifications.Domain.Assessment;
using Notifications.Domain.Breach;
using Notifications.Domain.Containment;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using static Notifications.Domain.Tests.Incidents.IncidentBuilder;

namespace Notifications.Domain.Tests.Incidents;

public sealed class IncidentDeciderTests
{
    private static readonly DateTimeOffset Discovered = BreachFactsBuilder.Discovered;

    [Fact]
    public void Reported_Standard_DeadlineIsSevenDaysAfterDiscovery_WithRemindersBeforeAndAt()
    {
        var decision = Decider.Decide(IncidentState.Empty("i"), Reported(), Now);

        var deadline = decision.Events.OfType<DeadlineSet>().Single();
        Assert.Equal(Discovered.AddDays(7), deadline.Deadline);
        Assert.Equal(Urgency.Standard, deadline.Urgency);
        Assert.Contains("bc-foippa", deadline.Basis, StringComparison.Ordinal);
        Assert.Equal(["g1-before-P3D", "g1-before-P1D", "g1-at"], decision.Commands.OfType<ScheduleTimer>().Select(t => t.TimerId));
        Assert.Equal(new AssessHarm("assess-harm:v1", 1), decision.Commands.OfType<AssessHarm>().Single());
    }

    [Fact]
    public void Reported_PhysicalHarmPossible_IsDueNowAndRemindsHourly()
    {
        var decision = Decider.Decide(IncidentState.Empty("i"), Reported(BreachFactsBuilder.Baseline().WithPhysicalHarm()), Now);

        var deadline = decision.Events.OfType<DeadlineSet>().Single();
        Assert.Equal((Now, Urgency.Immediate), (deadline.Deadline, deadline.Urgency));
        Assert.Equal("g1-hourly-0", decision.Commands.OfType<ScheduleTimer>().Single().TimerId);
    }

    [Theory]
    [InlineData(BreachCause.MisdirectedEmail, "task-confirmDeletion")]
    [InlineData(BreachCause.MisdirectedMail, "task-confirmDestruction")]
    [InlineData(BreachCause.Theft, null)]
    public void Reported_PlansContainmentFromHowItHappened(BreachCause cause, string? deletionTask)
    {
        var decision = Decider.Decide(IncidentState.Empty("i"), Reported(BreachFactsBuilder.Baseline().WithCause(cause)), Now);

        var tasks = decision.Events.OfType<ContainmentPlanned>().Single().Tasks;
        Assert.NotEmpty(tasks);
        Assert.Equal(deletionTask, tasks.SingleOrDefault(t => t.Kind == ContainmentTaskKind.DeletionConfirmation)?.TaskId);
    }

    [Fact]
    public void Decision_BeforeTheProposal_IsRejected()
    {
        var state = Apply(IncidentState.Empty("i"), Reported());

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, Significant(), Now));
    }

    [Fact]
    public void Override_WithoutReason_IsRejected()
    {
        var state = InStatus(IncidentStatus.Open);

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, Significant() with { Reason = " " }, Now));
    }

    [Fact]
    public void Confirm_AsSignificant_WhenTheProposalIsNot_IsRejected()
    {
        var state = InStatus(IncidentStatus.Open);
        Assert.False(state.CurrentProposal!.SignificantHarm);

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, Significant() with { Kind = DecisionKind.Confirmed }, Now));
    }

    [Fact]
    public void BelowThreshold_ClosesWithTheReason_AndStaysInTheRecord()
    {
        var state = InStatus(IncidentStatus.Open);
        var below = new NoSignificantHarmDecided(DecisionKind.Confirmed, HarmLevel.Low, "Only names; recipients deleted it.", 1) { EventId = "below" };

        var after = Apply(state, below);

        Assert.Equal((IncidentStatus.Closed, true), (after.Status, after.BelowThreshold));
        Assert.Equal("Only names; recipients deleted it.", after.ClosedReason);
        Assert.Equal(DecisionKind.Confirmed, after.Decision!.Kind);
    }

    [Fact]
    public void Significant_DraftsTheCommissionerReport_WithoutReporterData()
    {
        var after = InStatus(IncidentStatus.Notifying);

        var report = after.CommissionerReport!;
        Assert.Contains(BreachFactsBuilder.Baseline().Build().PublicBodies[0].Name, report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterName, report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterEmail, report.Text, StringComparison.Ordinal);
        Assert.Contains("Names with application numbers reached unrelated people.", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Significant_Immediate_StartsANewDeadlineGenerationDueNow()
    {
        var state = InStatus(IncidentStatus.Open);

        var decision = Decider.Decide(state, Significant(urgency: Urgency.Immediate), Now);

        var deadline = decision.Events.OfType<DeadlineSet>().Single();
        Assert.Equal((Now, Urgency.Immediate, 2), (deadline.Deadline, deadline.Urgency, deadline.Generation));
        Assert.Equal("g2-hourly-0", decision.Commands.OfType<ScheduleTimer>().Single().TimerId);
    }

    [Fact]
    public void Significant_ImmediateAgain_AMomentLater_KeepsTheDeadlineAndItsReminders()
    {
        var state = IncidentBuilder.Apply(IncidentState.Empty("i"), Reported(BreachFactsBuilder.Baseline().WithPhysicalHarm()));
        state = IncidentBuilder.Apply(state, Proposed(state));

        var later = Now.AddSeconds(2);
        var decision = Decider.Decide(state, Significant(urgency: Urgency.Immediate) with { Kind = DecisionKind.Confirmed }, later);

        var kept = decision.Events.OfType<DeadlineSet>().Single();
        Assert.Equal((state.Deadline, state.DeadlineGeneration), (kept.Deadline, kept.Generation));
        Assert.DoesNotContain("provisional", kept.Basis, StringComparison.Ordinal);
        Assert.Empty(decision.Commands.OfType<ScheduleTimer>());
    }

    [Fact]
    public void Significant_SameDeadline_IsNoLongerProvisional_AndKeepsItsReminders()
    {
        var state = InStatus(IncidentStatus.Open);
        Assert.Contains("provisional", state.DeadlineBasis, StringComparison.Ordinal);

        var after = Apply(state, Significant(urgency: Urgency.Standard));

        Assert.Equal((state.Deadline, state.DeadlineGeneration), (after.Deadline, after.DeadlineGeneration));
        Assert.DoesNotContain("provisional", after.DeadlineBasis, StringComparison.Ordinal);
        Assert.Contains("bc-foippa", after.DeadlineBasis, StringComparison.Ordinal);
        Assert.Equal(state.Reminders, after.Reminders);
    }

    [Fact]
    public void Approve_PinsTheDraftAndAsksToSendIt_Once()
    {
        var state = InStatus(IncidentStatus.Notifying);

        var decision = Decider.Decide(state, new CommissionerReportApproved("", "") { EventId = "approve" }, Now);
        var after = decision.Events.Aggregate(state, (s, e) => IncidentEvolution.Evolve(s, e, Now));
        var again = Decider.Decide(after, new CommissionerReportApproved("", "") { EventId = "approve-again" }, Now);

        Assert.Equal(state.CommissionerReport!.Text, decision.Events.OfType<CommissionerReportApproved>().Single().Text);
        Assert.IsType<SendCommissionerReport>(Assert.Single(decision.Commands));
        Assert.True(again.IsEmpty);
    }

    [Theory]
    [InlineData("g1-at", 0, "g1-after-1", 1)]
    [InlineData("g1-after-1", 1, "g1-after-2", 2)]
    [InlineData("g1-at", 5, "g1-after-6", 6)]
    public void Reminder_AtOrAfterTheDeadline_ArmsTheNextDailyOne(string fired, int daysLate, string next, int nextDays)
    {
        var state = InStatus(IncidentStatus.Notifying);
        var deadline = state.Deadline!.Value;
        var at = deadline.AddDays(daysLate).AddMinutes(1);

        var decision = Decider.Decide(state, new TimerFired(fired, TimerKind.Reminder, at) { EventId = $"timer-fired:{fired}" }, at);

        Assert.Contains(decision.Commands, c => c is SendReminder r && r.ReminderId == fired);
        var timer = decision.Commands.OfType<ScheduleTimer>().Single();
        Assert.Equal((next, deadline.AddDays(nextDays)), (timer.TimerId, timer.DueAt));
    }

    [Fact]
    public void Reminder_Immediate_RepeatsHourly()
    {
        var state = Apply(InStatus(IncidentStatus.Open), Significant(urgency: Urgency.Immediate));

        var decision = Decider.Decide(state, new TimerFired("g2-hourly-0", TimerKind.Reminder, Now) { EventId = "timer-fired:g2-hourly-0" }, Now);

        Assert.Equal(("g2-hourly-1", Now.AddHours(1)), decision.Commands.OfType<ScheduleTimer>().Select(t => (t.TimerId, t.DueAt)).Single());
    }

    [Fact]
    public void Reminder_StopsOnceNoticesAreComplete_AndForOlderDeadlines()
    {
        var notified = Apply(InStatus(IncidentStatus.Notifying), SampleOf(typeof(NoticesCompleted), InStatus(IncidentStatus.Notifying)));
        var moved = Apply(InStatus(IncidentStatus.Open), Significant(urgency: Urgency.Immediate));

        Assert.True(Decider.Decide(notified, new TimerFired("g1-at", TimerKind.Reminder, Now) { EventId = "t1" }, Now).IsEmpty);
        Assert.True(Decider.Decide(moved, new TimerFired("g1-at", TimerKind.Reminder, Now) { EventId = "t2" }, Now).IsEmpty);
    }

    [Theory]
    [InlineData(false, 0.5, null)]
    [InlineData(false, -0.01, "g1-at")]
    [InlineData(false, -2.5, "g1-after-2")]
    [InlineData(true, -3.5 / 24, "g2-hourly-3")]
    public void Overdue_IsTheSlotTheSweepReFires(bool immediate, double deadlineInDays, string? expected)
    {
        var state = immediate ? Apply(InStatus(IncidentStatus.Open), Significant(urgency: Urgency.Immediate)) : InStatus(IncidentStatus.Notifying);
        var now = state.Deadline!.Value.AddDays(-deadlineInDays);

        var overdue = ReminderSlots.Overdue(state, PolicyPacks.Default.Reminders, now);

        Assert.Equal(expected, overdue?.ReminderId);
    }

    [Fact]
    public void DeletionConfirmedByEveryRecipient_CompletesTheTask_AndLastTaskMakesItContained()
    {
        var state = InStatus(IncidentStatus.Open);
        foreach (var task in state.Tasks.Where(t => t.Task.Kind == ContainmentTaskKind.Manual))
        {
            state = Apply(state, new ContainmentTaskCompleted(task.Task.TaskId, "Done.") { EventId = "done-" + task.Task.TaskId });
        }

        var decision = Decider.Decide(state, new DeletionConfirmed(DeletionTask, "r1") { EventId = "confirm-r1" }, Now);
        var after = decision.Events.Aggregate(state, (s, e) => IncidentEvolution.Evolve(s, e, Now));
        var replay = Decider.Decide(after, new DeletionConfirmed(DeletionTask, "r1") { EventId = "confirm-r1-again" }, Now);

        Assert.True(after.Task(DeletionTask)!.Done);
        Assert.Equal(ContainmentStatus.Contained, after.Facts!.Containment.Status);
        Assert.True(after.Facts.Containment.RecipientsAgreedToDestroyOrReturn);
        Assert.Contains(new AssessHarm("assess-harm:v2", 2), decision.Commands);
        Assert.True(replay.IsEmpty);
    }

    [Fact]
    public void DeletionConfirmed_ForAnUnknownRecipient_IsRejected()
    {
        Assert.Throws<DecisionRejectedException>(() =>
            Decider.Decide(InStatus(IncidentStatus.Open), new DeletionConfirmed(DeletionTask, "r9") { EventId = "x" }, Now));
    }

    [Fact]
    public void Amended_ReAssesses_AndPhysicalHarmMakesItImmediate()
    {
        var state = InStatus(IncidentStatus.Open);
        var amended = new FactsAmended(BreachFactsBuilder.Baseline().WithPhysicalHarm(), ["physicalHarmPossible"], "A threat was reported.") { EventId = "amend" };

        var decision = Decider.Decide(state, amended, Now);

        Assert.Contains(new AssessHarm("assess-harm:v2", 2), decision.Commands);
        Assert.Equal(Urgency.Immediate, decision.Events.OfType<DeadlineSet>().Single().Urgency);
    }

    [Fact]
    public void StaleProposal_ForOlderFacts_ChangesNothing()
    {
        var state = Apply(InStatus(IncidentStatus.Open), SampleOf(typeof(FactsAmended), InStatus(IncidentStatus.Open)));

        var stale = Decider.Decide(state, Proposed(InStatus(IncidentStatus.Open)) with { EventId = "old" }, Now);

        Assert.True(stale.IsEmpty);
    }

    [Fact]
    public void NoticesCompleted_RedraftsTheReportWithFinalCounts()
    {
        var state = InStatus(IncidentStatus.Notifying);

        var after = Apply(state, SampleOf(typeof(NoticesCompleted), state));

        Assert.NotEqual(state.CommissionerReport!.Text, after.CommissionerReport!.Text);
        Assert.Contains("Safety of a person under a protection order.", after.CommissionerReport.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void IndirectNoticeChosen_CompletesTheNotices_AndTheReportSaysWhy()
    {
        var state = WithApprovedContent(InStatus(IncidentStatus.Notifying));
        var chosen = (IndirectNoticeChosen)SampleOf(typeof(IndirectNoticeChosen), state);

        var decision = Decider.Decide(state, chosen, Now);
        var after = decision.Events.Aggregate(state, (s, e) => IncidentEvolution.Evolve(s, e, Now));

        Assert.Equal(("reachesSooner", chosen.Reason), (after.IndirectNotice!.Trigger, after.IndirectNotice.Reason));
        Assert.Equal(Now, after.NoticesCompletedAt);
        Assert.Equal(4000, after.Notices!.Indirect);
        Assert.Contains("Public notice on the website", after.CommissionerReport!.Text, StringComparison.Ordinal);
        Assert.True(Decider.Decide(after, new TimerFired("g1-at", TimerKind.Reminder, Now) { EventId = "t1" }, Now).IsEmpty);
    }

    [Theory]
    [InlineData("noSuchTrigger", "A reason.", true)]
    [InlineData("reachesSooner", " ", true)]
    [InlineData("reachesSooner", "A reason.", false)]
    public void IndirectNoticeChosen_NeedsAPackTrigger_AReason_AndApprovedContent(string trigger, string reason, bool approved)
    {
        var notifying = InStatus(IncidentStatus.Notifying);
        var state = approved ? WithApprovedContent(notifying) : notifying;
        var chosen = (IndirectNoticeChosen)SampleOf(typeof(IndirectNoticeChosen), state) with { Trigger = trigger, Reason = reason };

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, chosen, Now));
    }

    [Fact]
    public void IndirectNoticeChosen_AfterTheNoticesAreComplete_IsRejected()
    {
        var state = WithApprovedContent(InStatus(IncidentStatus.Notifying));
        state = Apply(state, SampleOf(typeof(NoticesCompleted), state));

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, SampleOf(typeof(IndirectNoticeChosen), state), Now));
    }

    [Fact]
    public void NoticeCountsRevised_AfterCompletion_RecordsTheCountsAndRedraftsTheReport()
    {
        var state = NoticesComplete();
        var revised = new NoticeCountsRevised(state.Notices! with { Direct = 7, Indirect = 4 }) { EventId = "notice-counts-revised:d7-l2-i4-w1" };

        var decision = Decider.Decide(state, revised, Now);
        var after = decision.Events.Aggregate(state, (s, e) => IncidentEvolution.Evolve(s, e, Now));

        Assert.Equal([typeof(NoticeCountsRevised), typeof(CommissionerReportDrafted)], decision.Events.Select(e => e.GetType()));
        Assert.Equal((7, 4), (after.Notices!.Direct, after.Notices.Indirect));
        Assert.Equal(state.NoticesCompletedAt, after.NoticesCompletedAt);
        Assert.Contains("notified or to be notified directly: 7", after.CommissionerReport!.Text, StringComparison.Ordinal);
        Assert.Contains("reached or to be reached by indirect notice: 4", after.CommissionerReport.Text, StringComparison.Ordinal);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void NoticeCountsRevised_SameCounts_ChangesNothing()
    {
        var state = NoticesComplete();
        var same = state.Notices! with { WithheldReasons = [.. state.Notices.WithheldReasons] };

        Assert.True(Decider.Decide(state, new NoticeCountsRevised(same) { EventId = "r-same" }, Now).IsEmpty);
    }

    [Fact]
    public void NoticeCountsRevised_OlderThanRecorded_ChangesNothing()
    {
        var state = Apply(NoticesComplete(), new NoticeCountsRevised(NoticesComplete().Notices! with { Direct = 7, Indirect = 4 }) { EventId = "r-newer" });

        var older = Decider.Decide(state, new NoticeCountsRevised(state.Notices! with { Direct = 8, Indirect = 3 }) { EventId = "r-older" }, Now);

        Assert.True(older.IsEmpty);
        Assert.Equal(4, state.Notices!.Indirect);
    }

    [Fact]
    public void NoticeCountsRevised_BeforeNoticesAreComplete_IsRejected()
    {
        var state = InStatus(IncidentStatus.Notifying);

        Assert.Throws<DecisionRejectedException>(() => Decider.Decide(state, SampleOf(typeof(NoticeCountsRevised), state), Now));
    }

    [Fact]
    public void NoticeCountsRevised_AfterTheReportWasSent_IsRecordedAndTheSentReportStays_AndAFollowUpIsDrafted()
    {
        var state = NoticesComplete();
        state = Apply(state, new CommissionerReportApproved("", "") { EventId = "approve" });
        state = Apply(state, new CommissionerReportSent("commissioner@example.test", "<r@x>", state.CommissionerReport!.Subject, state.CommissionerReport.Text) { EventId = "sent" });
        var sentText = state.CommissionerReport!.Text;

        var decision = Decider.Decide(state, SampleOf(typeof(NoticeCountsRevised), state), Now);

        Assert.Equal([typeof(NoticeCountsRevised), typeof(CommissionerReportDrafted)], decision.Events.Select(e => e.GetType()));
        var followUp = Assert.IsType<CommissionerReportDrafted>(decision.Events[1]);
        Assert.Equal(2, followUp.Number);
        Assert.StartsWith("Follow-up report 1 to the Information and Privacy Commissioner", followUp.Text, StringComparison.Ordinal);
        var after = decision.Events.Aggregate(state, (s, e) => IncidentEvolution.Evolve(s, e, Now));
        Assert.Equal(sentText, Assert.Single(after.EarlierReports).Text);
        Assert.Equal((2, null), (after.CommissionerReport!.Number, after.CommissionerReport.SentAt));
    }

    [Fact]
    public void NoticeCountsRevised_RoundTripsOnTheWireWithItsName()
    {
        var revised = SampleOf(typeof(NoticeCountsRevised), NoticesComplete());

        var json = System.Text.Json.JsonSerializer.Serialize<IncidentEvent>(revised);
        var back = System.Text.Json.JsonSerializer.Deserialize<IncidentEvent>(json);

        Assert.Contains("\"type\":\"notice-counts-revised\"", json, StringComparison.Ordinal);
        Assert.True(((NoticeCountsRevised)revised).Counts.SameAs(Assert.IsType<NoticeCountsRevised>(back).Counts));
        Assert.Equal("notice-counts-revised", revised.TypeName);
    }
}
