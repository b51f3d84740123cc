using Notifications.Domain.Policy;
using static Notifications.Domain.Reports.ReportText;

namespace Notifications.Domain.Reports;

/// <summary>Whether and how individuals were or will be notified, including notices withheld under the safety exception.</summary>
internal static class NotificationLines
{
    public static IReadOnlyList<string> For(CommissionerReportInput input, PolicyPack pack)
    {
        var n = input.Notification;
        var lines = new List<string>();
        if (IsAllWithheld(n, input.Facts.Affected.EstimatedCount))
        {
            lines.Add($"Notice to individuals has been withheld for every affected individual ({Count(n.Withheld)}) under the safety exception. " +
                "This report is sent to the Commissioner nonetheless, as required.");
        }

        lines.Add($"Method: {(string.IsNullOrWhiteSpace(n.Method) ? NotYetKnown : n.Method.Trim())}");
        lines.Add($"Individuals notified or to be notified directly: {Count(n.Direct)}");
        lines.Add($"Individuals notified or to be notified by letter: {Count(n.Letters)}");
        lines.Add($"Individuals reached or to be reached by indirect notice: {Count(n.Indirect)}");
        lines.Add($"Notices withheld under the safety exception: {Count(n.Withheld)}");
        if (n.Withheld is > 0)
        {
            var exemption = pack.Exemptions.FirstOrDefault(e => e.RegulatorStillNotified);
            if (exemption is not null)
            {
                lines.Add($"Ground: {exemption.Text.En}");
            }

            lines.Add("Reasons given for withholding:");
            lines.AddRange((n.WithheldReasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => $"- {r.Trim()}")
                .DefaultIfEmpty("- no reason recorded"));
        }

        if (!n.IsFinal)
        {
            lines.Add(FollowUpReportWriter.WillFollow);
        }

        return lines;
    }

    /// <summary>
    /// Every notice is withheld: some are withheld, none goes out by any other means (zero or not given), and the
    /// withheld count covers the estimated number affected; without an estimate, every other count must be a known zero.
    /// </summary>
    private static bool IsAllWithheld(NotificationSummary n, int? estimated)
    {
        if (n.Withheld is not > 0)
        {
            return false;
        }

        int?[] others = [n.Direct, n.Letters, n.Indirect];
        return others.All(c => c is null or 0)
            && (estimated is null ? others.All(c => c is not null) : n.Withheld >= estimated);
    }
}
