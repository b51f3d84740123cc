using Microsoft.Extensions.Options;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.Storage;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Reports;

/// <summary>
/// Activity: email the approved report (the first one or a follow-up), exactly as approved, to the Commissioner, and
/// record the sent text in the history. It is sent whether individual notices went out or were all withheld.
/// </summary>
public sealed partial class SendCommissionerReportActivity(
    IncidentStore store, IncidentApplier applier, SendOnce once, IEmailSender email, IOptions<CommissionerOptions> commissioner,
    IOptions<MailOptions> mail, ILogger<SendCommissionerReportActivity> logger)
{
    public const string Name = "SendCommissionerReport";

    [Function(Name)]
    public async Task<ApplyResult> Run([ActivityTrigger] CommandRequest request, CancellationToken cancellationToken)
    {
        using var span = Infrastructure.Telemetry.Source.StartActivity(Name);
        span?.SetTag("incident.id", request.IncidentId);
        var command = request.Command as SendCommissionerReport ?? throw new FormatException("Expected a send-commissioner-report command.");
        var id = request.IncidentId;
        var (state, _) = await store.LoadAsync(id, cancellationToken);
        if (state.CommissionerReport is not { ApprovedText: { } text, ApprovedSubject: { } subject, SentAt: null } report)
        {
            return ApplyResult.Nothing(EventOutcome.Ignored);
        }

        // The first report keeps the Message-ID it always had; each follow-up has its own.
        var messageId = report.Number == 1
            ? $"commissioner-report.{id}@{mail.Value.MessageIdDomain}"
            : $"commissioner-report.{id}.{report.Number}@{mail.Value.MessageIdDomain}";
        var to = commissioner.Value.Email;
        if (await once.RunAsync(id, command.CommandId, ct => email.SendAsync(new EmailMessage(to, subject, text, messageId, commissioner.Value.Name), ct), cancellationToken))
        {
            LogSent(id);
        }

        var sent = new CommissionerReportSent(to, messageId, subject, text) { EventId = $"commissioner-report-sent:{command.CommandId}" };
        return await applier.ApplyAsync(id, sent, Actor.Activity("send-commissioner-report"), request.Now, fromInbox: false, cancellationToken);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Incident {IncidentId}: report emailed to the Commissioner")]
    private partial void LogSent(string incidentId);
}
