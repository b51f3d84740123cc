using Notifications.Domain.Policy;

namespace Notifications.Domain.Reports;

/// <summary>
/// Writes the report to the Information and Privacy Commissioner when significant harm is confirmed. Pure: the text comes
/// from the input and the pack only, names kinds of information by the pack's English labels and never their values,
/// and writes "not yet known" for any missing count. Checked against the pack's notice elements for the regulator.
/// </summary>
public static class CommissionerReportWriter
{
    /// <summary>Composes the report.</summary>
    /// <param name="input">The incident's facts, decision, steps, notification summary and contact.</param>
    /// <param name="pack">The policy pack the decision used; its regulator notice elements are required.</param>
    /// <param name="now">When the report is prepared.</param>
    /// <returns>The report; <see cref="CommissionerReport.Elements"/> lists the pack's regulator element codes it carries.</returns>
    /// <exception cref="ArgumentException">The breach facts are invalid for the pack; the message lists the fields.</exception>
    /// <exception cref="CommissionerReportException">
    /// A regulator element cannot be produced: no public body, a blank description, no contact name or email, or an
    /// element code this writer does not know. Nothing partial is returned; the message names each missing element.
    /// </exception>
    public static CommissionerReport Compose(CommissionerReportInput input, PolicyPack pack, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(pack);
        var errors = input.Facts.Validate(now, pack);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "The breach facts are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
                nameof(input));
        }

        var sections = new[]
        {
            ReportSections.Bodies(input),
            ReportSections.Learned(input),
            ReportSections.Description(input),
            ReportSections.KindsOfInformation(input, pack),
            ReportSections.Estimated(input, pack),
            ReportSections.Steps(input),
            ReportSections.Notification(input, pack),
            ReportSections.Assessment(input.Decision),
            ReportSections.ContactPerson(input),
        }.OfType<ReportSection>().ToArray();

        var produced = sections.Select(s => s.Element).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var required = pack.NoticeElements.Where(e => e.Audiences.Contains(NoticeAudience.Regulator)).ToArray();
        var missing = required.Where(e => !produced.Contains(e.Code)).ToArray();
        if (missing.Length > 0)
        {
            throw new CommissionerReportException(
                missing.Select(e => e.Code).ToArray(),
                $"The report to the Commissioner for incident {input.IncidentId} cannot be written; missing: " +
                string.Join("; ", missing.Select(e => $"{e.Code} ({e.Labels.En})")) + ".");
        }

        var bodies = string.Join(", ", input.Facts.PublicBodies.Select(b => b.Name.Trim()));
        return new CommissionerReport(
            $"Privacy breach report: {bodies} (incident {input.IncidentId})",
            Render(input, pack, now, sections),
            required.Select(e => e.Code).ToArray());
    }

    private static string Render(CommissionerReportInput input, PolicyPack pack, DateTimeOffset now, IReadOnlyList<ReportSection> sections)
    {
        var lines = new List<string>
        {
            "Privacy breach report to the Information and Privacy Commissioner",
            $"Incident: {input.IncidentId}",
            $"Prepared: {ReportText.Date(now)}",
            $"Under: {pack.Name} (policy pack {pack.Id} {pack.Version})",
        };
        for (var i = 0; i < sections.Count; i++)
        {
            lines.Add(string.Empty);
            lines.Add($"{i + 1}. {sections[i].Heading}");
            lines.AddRange(sections[i].Lines);
        }

        return string.Join('\n', lines) + "\n";
    }
}
