using Microsoft.Extensions.Options;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Reminders;

/// <summary>
/// Activity: email the privacy office a deadline reminder, then apply <see cref="ReminderSent"/>.
/// Marked <c>sending</c> before the SMTP call and <c>sent</c> after, so a redelivery after success sends nothing;
/// the Message-ID is deterministic, so a resend after a crash mid-call is recognisable as the same message.
/// </summary>
public sealed partial class SendReminder(
    IncidentStore store, IncidentApplier applier, SendOnce once, IEmailSender email, IOptions<PrivacyOfficeOptions> office,
    IOptions<MailOptions> mail, ILogger<SendReminder> logger)
{
    public const string Name = "SendReminder";

    [Function(Name)]
    public async Task<ApplyResult> Run([ActivityTrigger] CommandRequest request, CancellationToken cancellationToken)
    {
        using var span = Infrastructure.Telemetry.Source.StartActivity(Name);
        span?.SetTag("incident.id", request.IncidentId);
        if (request.Command is not Domain.Incidents.SendReminder command)
        {
            throw new FormatException($"Expected a send-reminder command, got {request.Command.GetType().Name}.");
        }

        var id = request.IncidentId;
        var (state, _) = await store.LoadAsync(id, cancellationToken);
        if (state.Status is not (IncidentStatus.Open or IncidentStatus.Notifying) || state.NoticesCompletedAt is not null
            || state.RemindersSent.Contains(command.ReminderId) || state.Deadline is not { } deadline)
        {
            LogSkipped(id, command.ReminderId, state.Status);
            return ApplyResult.Nothing(EventOutcome.Ignored);
        }

        var messageId = $"reminder.{id}.{command.ReminderId}@{mail.Value.MessageIdDomain}";
        var (subject, body) = ReminderEmail.Compose(state, deadline, request.Now, office.Value.BaseUrl);
        if (await once.RunAsync(id, command.CommandId, ct => email.SendAsync(new EmailMessage(office.Value.Email, subject, body, messageId, office.Value.Name), ct), cancellationToken))
        {
            LogSent(id, command.ReminderId);
        }

        var sent = new ReminderSent(command.ReminderId, messageId) { EventId = $"reminder-sent:{command.ReminderId}" };
        return await applier.ApplyAsync(id, sent, Actor.Activity("send-reminder"), request.Now, fromInbox: false, cancellationToken);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Incident {IncidentId}: reminder {ReminderId} emailed to the privacy office")]
    private partial void LogSent(string incidentId, string reminderId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Incident {IncidentId}: reminder {ReminderId} not needed in status {Status}")]
    private partial void LogSkipped(string incidentId, string reminderId, IncidentStatus status);
}
