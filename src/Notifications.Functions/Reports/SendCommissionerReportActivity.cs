using Microsoft.Extensions.Options;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Reports;

/// <summary>
/// Queue-triggered activity: email the approved report, exactly as approved, to the Commissioner, and record the sent
/// text in the history. It is sent whether individual notices went out or were all withheld.
/// </summary>
public sealed partial class SendCommissionerReportActivity(
    IncidentStore store, WorkflowEngine engine, SendOnce once, IEmailSender email, IOptions<CommissionerOptions> commissioner,
    IOptions<MailOptions> mail, ILogger<SendCommissionerReportActivity> logger)
{
    public const string Name = "SendCommissionerReport";

    [Function(Name)]
    public async Task Run([QueueTrigger(StorageNames.CommissionerReportsQueue)] string messageText, CancellationToken cancellationToken)
    {
        var message = ActivityMessage.Parse(messageText);
        using var span = Infrastructure.Telemetry.StartConsumer(Name, message.TraceParent, message.IncidentId);
        var command = message.Command as SendCommissionerReport ?? throw new FormatException("Expected a send-commissioner-report command.");
        var id = message.IncidentId;
        var (state, _) = await store.LoadAsync(id, cancellationToken);
        if (state.CommissionerReport is not { ApprovedText: { } text, ApprovedSubject: { } subject, SentAt: null })
        {
            return;
        }

        var messageId = $"commissioner-report.{id}@{mail.Value.MessageIdDomain}";
        var to = commissioner.Value.Email;
        if (await once.RunAsync(id, command.CommandId, ct => email.SendAsync(new EmailMessage(to, subject, text, messageId, commissioner.Value.Name), ct), cancellationToken))
        {
            LogSent(id);
        }

        var sent = new CommissionerReportSent(to, messageId, subject, text) { EventId = $"commissioner-report-sent:{command.CommandId}" };
        await engine.HandleAsync(id, sent, Actor.Activity("send-commissioner-report"), cancellationToken);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Incident {IncidentId}: report emailed to the Commissioner")]
    private partial void LogSent(string incidentId);
}
