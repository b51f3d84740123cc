using Notifications.Domain.Breach;
using Notifications.Domain.Containment;
using Notifications.Domain.Policy;
using Notifications.Domain.Tests.Policy;
using static Notifications.Domain.Tests.BreachFactsBuilder;

namespace Notifications.Domain.Tests.Containment;

/// <summary>The BC playbook planned for each cause: the cause's tasks first, then the common ones, due from the planning time.</summary>
public sealed class ContainmentPlannerTests
{
    private static readonly string[] CommonCodes = ["documentBreach", "preventRecurrence"];

    /// <summary>Per cause: the expected task codes (before the common ones) and one task's owner and due period.</summary>
    public static TheoryData<BreachCause, string[], string, string, TimeSpan> Plans => new()
    {
        { BreachCause.MisdirectedEmail, ["confirmDeletion", "recallEmail", "checkForwarding"], "confirmDeletion", "PrivacyOfficer", TimeSpan.FromHours(4) },
        { BreachCause.MisdirectedMail, ["confirmDestruction", "retrieveMail", "correctAddress"], "confirmDestruction", "PrivacyOfficer", TimeSpan.FromHours(24) },
        { BreachCause.Loss, ["disableDevice", "attemptRecovery"], "disableDevice", "IT", TimeSpan.FromHours(4) },
        { BreachCause.Theft, ["disableDevice", "policeReport", "attemptRecovery"], "policeReport", "ProgramArea", TimeSpan.FromHours(24) },
        { BreachCause.UnauthorizedAccess, ["revokeAccess", "preserveLogs", "identifyRecordsViewed"], "revokeAccess", "IT", TimeSpan.FromHours(4) },
        { BreachCause.UnauthorizedUse, ["stopUse", "confirmDestruction"], "confirmDestruction", "PrivacyOfficer", TimeSpan.FromDays(2) },
        { BreachCause.Cyberattack, ["isolateSystems", "engageSecurityTeam", "preserveEvidence"], "isolateSystems", "IT", TimeSpan.FromHours(2) },
        { BreachCause.Other, ["assessAndContain"], "assessAndContain", "PrivacyOfficer", TimeSpan.FromHours(24) },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_EachCause_GivesItsTasksThenTheCommonOnes(BreachCause cause, string[] codes, string code, string owner, TimeSpan due)
    {
        var plan = ContainmentPlanner.Plan(Baseline().WithCause(cause), PolicyPacks.BcFoippaV1, Now);

        Assert.Equal([.. codes, .. CommonCodes], plan.Select(t => t.Code));
        var task = Assert.Single(plan, t => t.Code == code);
        Assert.Equal((owner, Now + due), (task.Owner, task.DueAt));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_EachCause_TakesOwnersDueDatesAndEnglishTitlesFromThePack(BreachCause cause, string[] codes, string code, string owner, TimeSpan due)
    {
        _ = (codes, code, owner, due);
        var pack = PolicyPacks.BcFoippaV1;

        var plan = ContainmentPlanner.Plan(Baseline().WithCause(cause), pack, Now);

        var templates = pack.Containment!.For(cause);
        Assert.Equal(templates.Count, plan.Count);
        foreach (var (task, template) in plan.Zip(templates))
        {
            Assert.Equal(new ContainmentTask("task-" + template.Code, template.Code, template.Title.En, template.OwnerRole, Now + template.Due, template.Kind), task);
            Assert.False(string.IsNullOrWhiteSpace(task.Owner));
            Assert.True(task.DueAt > Now);
        }
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_EachCause_HasUniqueDeterministicIds(BreachCause cause, string[] codes, string code, string owner, TimeSpan due)
    {
        _ = (codes, code, owner, due);
        var facts = Baseline().WithCause(cause).Build();

        var first = ContainmentPlanner.Plan(facts, PolicyPacks.BcFoippaV1, Now);
        var second = ContainmentPlanner.Plan(facts, PolicyPacks.BcFoippaV1, Now);

        Assert.Equal(first.Count, first.Select(t => t.TaskId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(first.Select(t => t.TaskId), second.Select(t => t.TaskId));
        Assert.All(first, t => Assert.Equal("task-" + t.Code, t.TaskId));
    }

    [Fact]
    public void Plan_MisdirectedEmail_HasOneDeletionConfirmationTask()
    {
        var plan = ContainmentPlanner.Plan(Baseline().WithCause(BreachCause.MisdirectedEmail), PolicyPacks.BcFoippaV1, Now);

        var task = Assert.Single(plan, t => t.Kind == ContainmentTaskKind.DeletionConfirmation);
        Assert.Equal("task-confirmDeletion", task.TaskId);
        Assert.Contains("delete the email", task.Title, StringComparison.Ordinal);
        Assert.Contains("confirm", task.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MisdirectedMail_AsksWrongRecipientsToDestroyOrReturnAndConfirm()
    {
        var plan = ContainmentPlanner.Plan(Baseline().WithCause(BreachCause.MisdirectedMail), PolicyPacks.BcFoippaV1, Now);

        var task = Assert.Single(plan, t => t.Kind == ContainmentTaskKind.DeletionConfirmation);
        Assert.Equal("task-confirmDestruction", task.TaskId);
        Assert.Contains("letter", task.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BreachCause.Theft)]
    [InlineData(BreachCause.Cyberattack)]
    [InlineData(BreachCause.Other)]
    public void Plan_OtherCauses_HaveNoDeletionConfirmationTask(BreachCause cause)
    {
        var plan = ContainmentPlanner.Plan(Baseline().WithCause(cause), PolicyPacks.BcFoippaV1, Now);

        Assert.DoesNotContain(plan, t => t.Kind == ContainmentTaskKind.DeletionConfirmation);
    }

    [Fact]
    public void Plan_PackWithoutPlaybook_IsEmpty()
    {
        var plan = ContainmentPlanner.Plan(Baseline(), TestPacks.GdprLike, Now);

        Assert.Empty(plan);
    }

    [Fact]
    public void Plan_CauseMissingFromThePlaybook_GivesTheCommonTasks()
    {
        var pack = TestPacks.ParseChanged(TestPacks.BcFoippaJson, p => p["containment"]!["byCause"]!.AsObject().Remove("other"));

        var plan = ContainmentPlanner.Plan(Baseline().WithCause(BreachCause.Other), pack, Now);

        Assert.Equal(CommonCodes, plan.Select(t => t.Code));
    }
}
