using Notifications.Domain.Policy;
using static Notifications.Domain.Reports.ReportText;

namespace Notifications.Domain.Reports;

/// <summary>
/// Writes a follow-up report to the Commissioner: what became known after a report was sent, that is the outcome of the
/// notification of affected individuals (the final counts: directly by email, by letter, by indirect notice, emails that
/// bounced, notices withheld and why in general terms), with the steps taken since. Pure, like the first report: counts
/// and the pack's wording only, never anyone's name or their own reason for withholding.
/// </summary>
public static class FollowUpReportWriter
{
    /// <summary>What the first report says will follow while the notices are not complete.</summary>
    public const string WillFollow =
        "To follow: the final counts (notified directly by email, by letter, by indirect notice, emails that bounced, and notices "
        + "withheld and why) will be given in a follow-up report once the notices are complete.";

    public static CommissionerReport Compose(CommissionerReportInput input, FollowUp followUp, PolicyPack pack, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(pack);
        var sections = new[]
        {
            ReportSections.Bodies(input),
            new ReportSection(null, "Outcome of the notification of affected individuals", Outcome(input.Notification, followUp, pack)),
            ReportSections.Steps(input),
            ReportSections.ContactPerson(input),
        }.OfType<ReportSection>().ToArray();

        var lines = new List<string>
        {
            $"Follow-up report {followUp.Number - 1} to the Information and Privacy Commissioner",
            $"Incident: {input.IncidentId}",
            $"Follows the report sent {Date(followUp.PreviousSentAt)}, with details that became known since.",
            $"Prepared: {Date(now)}",
            $"Under: {pack.Name} (policy pack {pack.Id} {pack.Version})",
        };
        for (var i = 0; i < sections.Length; i++)
        {
            lines.Add(string.Empty);
            lines.Add($"{i + 1}. {sections[i].Heading}");
            lines.AddRange(sections[i].Lines);
        }

        var bodies = string.Join(", ", input.Facts.PublicBodies.Select(b => b.Name.Trim()));
        return new CommissionerReport(
            $"Follow-up {followUp.Number - 1} to the privacy breach report: {bodies} (incident {input.IncidentId})",
            string.Join('\n', lines) + "\n",
            []);
    }

    private static List<string> Outcome(NotificationSummary n, FollowUp followUp, PolicyPack pack)
    {
        var lines = new List<string>
        {
            $"Notices complete: {(followUp.NoticesCompletedAt is { } at ? Date(at) : NotYetKnown)}",
            $"Notified directly by email: {Count(n.Direct)}",
            $"Notified by letter: {Count(n.Letters)}",
            $"Reached by indirect notice: {Count(n.Indirect)}",
            $"Emails that bounced (not delivered; those people are reached by indirect notice): {Count(n.Bounced ?? 0)}",
            $"Notices withheld under the safety exception: {Count(n.Withheld)}",
        };
        if (n.Withheld is > 0)
        {
            var exemption = pack.Exemptions.FirstOrDefault(e => e.RegulatorStillNotified);
            lines.Add("Why they were withheld, in general terms:");
            if (exemption is not null)
            {
                lines.Add($"- {exemption.Text.En}");
            }

            lines.AddRange((n.WithheldReasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => $"- {r.Trim()}"));
            lines.Add("Each person's own reason is kept on record by the public body and is not part of this report.");
        }

        lines.Add($"Method: {(string.IsNullOrWhiteSpace(n.Method) ? NotYetKnown : n.Method.Trim())}");
        return lines;
    }
}
