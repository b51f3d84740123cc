using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using NCrontab;
using Notifications.Functions.Hosting;
using Notifications.LocalRuntime;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>
/// The functions.metadata the Worker SDK generated from the app's <c>[Function]</c> attributes: the one catalogue. Its
/// routes, methods, auth levels, queue names and schedules are pinned, so a change to any of them is deliberate.
/// </summary>
public sealed partial class FunctionsMetadataTests
{
    private static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, FunctionsMetadata.FileName);

    /// <summary>
    /// Every function of the app as it was when it ran as a custom handler, and as the host routes it: host.json's route
    /// prefix is empty, so the API's <c>api/</c> is part of each route (the dashboard is served at the root).
    /// </summary>
    public static TheoryData<string, string> Expected => new()
    {
        { "ReportIncident", "http Function POST api/incidents" },
        { "ListIncidents", "http Function GET api/incidents" },
        { "GetIncident", "http Function GET api/incidents/{id}" },
        { "GetIncidentHistory", "http Function GET api/incidents/{id}/history" },
        { "AmendFacts", "http Function PATCH api/incidents/{id}" },
        { "CloseIncident", "http Function POST api/incidents/{id}/close" },
        { "DecideAssessment", "http Function POST api/incidents/{id}/assessment/decision" },
        { "AddContainmentTask", "http Function POST api/incidents/{id}/containment/tasks" },
        { "CompleteContainmentTask", "http Function POST api/incidents/{id}/containment/tasks/{taskId}/complete" },
        { "RegisterWrongRecipients", "http Function POST api/incidents/{id}/containment/tasks/{taskId}/wrong-recipients" },
        { "ShowDeletionConfirmation", "http Anonymous GET api/public/containment/confirm" },
        { "ConfirmDeletion", "http Anonymous POST api/public/containment/confirm" },
        { "GetPublicNotice", "http Anonymous GET api/public/notices/{slug}" },
        { "GetCommissionerReport", "http Function GET api/incidents/{id}/commissioner-report" },
        { "ApproveCommissionerReport", "http Function POST api/incidents/{id}/commissioner-report/approve" },
        { "ImportRecipients", "http Function POST api/incidents/{id}/recipients" },
        { "ListWithheldPeople", "http Function GET api/incidents/{id}/recipients/withheld" },
        { "PurgeContactDataEarly", "http Function POST api/incidents/{id}/contact-data/purge" },
        { "CompleteNotices", "http Function POST api/incidents/{id}/notification/complete" },
        { "SubmitNoticeContent", "http Function POST api/incidents/{id}/notices/content" },
        { "ApproveNoticeContent", "http Function POST api/incidents/{id}/notices/approve" },
        { "PreviewNotice", "http Function GET api/incidents/{id}/notices/preview" },
        { "GetDefaultNoticeTemplates", "http Function GET api/notices/templates/default" },
        { "StartNotification", "http Function POST api/incidents/{id}/notification/start" },
        { "HaltNotification", "http Function POST api/incidents/{id}/notification/halt" },
        { "ResumeNotification", "http Function POST api/incidents/{id}/notification/resume" },
        { "GetNotification", "http Function GET api/incidents/{id}/notification" },
        { "ChooseIndirectNotice", "http Function POST api/incidents/{id}/notification/indirect" },
        { "ExportLetters", "http Function GET api/incidents/{id}/letters" },
        { "GetBlockedLetters", "http Function GET api/incidents/{id}/letters/blocked" },
        { "RecordReturnedLetters", "http Function POST api/incidents/{id}/letters/returned" },
        { "GetHealth", "http Function GET api/health" },
        { "ServeDashboard", "http Anonymous GET {*path}" },
        { "DevToken", "http Anonymous POST api/dev/token" },
        { "GetEventOutcome", "http Function GET api/incidents/{id}/events/{eventId}" },
        { "GetOrchestrationStatus", "http Function GET api/incidents/{id}/orchestration" },
        { "IncidentOrchestration", "orchestration" },
        { "ApplyIncidentEvent", "activity" },
        { "PendingIncidentTimers", "activity" },
        { "AssessHarm", "activity" },
        { "SendReminder", "activity" },
        { "SendDeletionRequests", "activity" },
        { "SendCommissionerReport", "activity" },
        { "NotificationRun", "orchestration" },
        { "PlanNotificationRun", "activity" },
        { "SendNotificationBatch", "activity" },
        { "CheckNotificationCanary", "activity" },
        { "CompleteNotificationRun", "activity" },
        { "ReceiveDeliveryReport", "queue delivery-reports" },
        { "PurgeContactData", "timer 0 0 3 * * *" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Function_IsDeclaredAsBefore(string name, string trigger) =>
        Assert.Equal(trigger, Describe(Assert.Single(FunctionsMetadata.Load(Path), f => f.Name == name)));

    [Fact]
    public void Metadata_ListsExactlyTheExpectedFunctions() =>
        Assert.Equal(Expected.Select(row => row.Data.Item1).Order(), FunctionsMetadata.Load(Path).Select(f => f.Name).Order());

    [Fact]
    public void EveryHttpFunction_NamesAnExistingPolicyOrIsAnonymousOnPurpose()
    {
        foreach (var function in FunctionsMetadata.Load(Path).Where(f => f.Trigger is HttpTrigger))
        {
            var anonymous = function.Method.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            if (anonymous)
            {
                // Anonymous at the edge too, or guarded by the function key (health); the dashboard's files hold no data, and
                // the development token answers 404 whenever Auth:Authority is set.
                Assert.True(((HttpTrigger)function.Trigger).Route.StartsWith("api/public/", StringComparison.Ordinal)
                    || function.Name is "GetHealth" or "ServeDashboard" or "DevToken", function.Name);
                continue;
            }

            Assert.Contains(HttpEdge.PolicyOf(function.Method), new[] { Access.Policies.Read, Access.Policies.Officer, Access.Policies.Approve, Access.Policies.Audit, Access.Policies.Oversight, Access.Policies.Review });
        }
    }

    [Fact]
    public void EveryQueueAndTimer_MeetsTheStorageAndScheduleRules()
    {
        foreach (var function in FunctionsMetadata.Load(Path))
        {
            switch (function.Trigger)
            {
                case QueueTrigger queue:
                    Assert.True(IsValidQueueName(queue.QueueName), $"Queue name '{queue.QueueName}' breaks the Storage rules.");
                    Assert.Equal("AzureWebJobsStorage", queue.Connection);
                    break;
                case TimerTrigger timer:
                    Assert.NotNull(CrontabSchedule.TryParse(timer.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }));
                    Assert.False(timer.RunOnStartup, $"{function.Name} would run at every scale-out (contract §1.5).");
                    break;
            }
        }
    }

    [Fact]
    public void EveryBindingNameIsAParameterOfTheEntryPoint()
    {
        foreach (var function in JsonNode.Parse(File.ReadAllText(Path))!.AsArray().Select(n => n!.AsObject()))
        {
            var method = FunctionsMetadata.Load(Path).Single(f => f.Name == (string?)function["name"]).Method;
            foreach (var binding in function["bindings"]!.AsArray().Select(b => (string)b!["name"]!).Where(n => n != "$return"))
            {
                Assert.Contains(binding, method.GetParameters().Select(p => p.Name));
            }
        }
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("breach-intake-2", true)]
    [InlineData("ab", false)]
    [InlineData("Upper", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("a23456789012345678901234567890123456789012345678901234567", false)] // 57 + "-poison" > 63
    public void QueueNameRule_MatchesStorageAndPoisonLimits(string name, bool valid) =>
        Assert.Equal(valid, IsValidQueueName(name));

    private static string Describe(LocalFunction function) => function.Trigger switch
    {
        HttpTrigger h => $"http {h.AuthLevel} {string.Join(",", h.Methods)} {h.Route}",
        QueueTrigger q => $"queue {q.QueueName}",
        TimerTrigger t => $"timer {t.Schedule}",
        OrchestrationTrigger => "orchestration",
        ActivityTrigger => "activity",
        _ => function.Trigger.ToString(),
    };

    /// <summary>Storage queue names: 3–63 lowercase letters, digits and single hyphens, with room for "-poison".</summary>
    private static bool IsValidQueueName(string name) =>
        name.Length is >= 3 and <= 63 && (name + "-poison").Length <= 63 && QueueName().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueName();
}
