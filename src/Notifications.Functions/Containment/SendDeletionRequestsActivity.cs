using Microsoft.Extensions.Options;
using Notifications.Domain.Breach;
using Notifications.Domain.Containment;
using Notifications.Domain.Incidents;
using Notifications.Functions.Reminders;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.Links;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Containment;

/// <summary>
/// Activity: email each wrong recipient of a deletion-confirmation task a request to delete the
/// misdirected email, in their language, with a one-time signed link. Each recipient is marked <c>sending</c> before
/// the SMTP call and <c>sent</c> after, so a redelivered message does not ask anyone twice.
/// </summary>
public sealed partial class SendDeletionRequestsActivity(
    IncidentStore store, IncidentApplier applier, SendOnce once, IEmailSender email, SignedLinks links, IOptions<PrivacyOfficeOptions> office,
    IOptions<MailOptions> mail, ILogger<SendDeletionRequestsActivity> logger)
{
    public const string Name = "SendDeletionRequests";

    [Function(Name)]
    public async Task<ApplyResult> Run([ActivityTrigger] CommandRequest request, CancellationToken cancellationToken)
    {
        using var span = Infrastructure.Telemetry.Source.StartActivity(Name);
        span?.SetTag("incident.id", request.IncidentId);
        var command = request.Command as SendDeletionRequests ?? throw new FormatException("Expected a send-deletion-requests command.");
        var id = request.IncidentId;
        var (state, _) = await store.LoadAsync(id, cancellationToken);
        if (state.Task(command.TaskId) is not { } task || task.Done)
        {
            return ApplyResult.Nothing(EventOutcome.Ignored);
        }

        var expiresAt = request.Now + links.Lifetime;
        var sent = new List<string>();
        foreach (var recipient in task.Recipients.Where(r => !task.RequestsSent.Contains(r.RecipientId)))
        {
            var token = links.Sign(new LinkClaims(id, task.Task.TaskId, recipient.RecipientId, $"{task.Task.TaskId}:{recipient.RecipientId}", expiresAt));
            var url = $"{office.Value.BaseUrl.TrimEnd('/')}/api/public/containment/confirm?token={Uri.EscapeDataString(token)}";
            var item = state.Facts!.Cause == BreachCause.MisdirectedMail ? MisdirectedItem.Letter : MisdirectedItem.Email;
            var (subject, body) = DeletionRequestEmail.Compose(recipient.Language, state.Facts.PublicBodies.Select(b => b.Name).ToList(), url, expiresAt, item);
            var messageId = $"deletion.{id}.{task.Task.TaskId}.{recipient.RecipientId}@{mail.Value.MessageIdDomain}";
            await once.RunAsync(id, $"{command.CommandId}:{recipient.RecipientId}",
                ct => email.SendAsync(new EmailMessage(recipient.Email, subject, body, messageId), ct), cancellationToken);

            sent.Add(recipient.RecipientId);
        }

        if (sent.Count == 0)
        {
            return ApplyResult.Nothing(EventOutcome.Ignored);
        }

        var recorded = new DeletionRequestsSent(task.Task.TaskId, sent, expiresAt) { EventId = $"deletion-requests-sent:{command.CommandId}" };
        var result = await applier.ApplyAsync(id, recorded, Actor.Activity("send-deletion-requests"), request.Now, fromInbox: false, cancellationToken);
        LogSent(id, task.Task.TaskId, sent.Count);
        return result;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Incident {IncidentId}: deletion requests for {TaskId} sent to {Count} wrong recipient(s)")]
    private partial void LogSent(string incidentId, string taskId, int count);
}
