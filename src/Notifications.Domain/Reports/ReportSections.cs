using Notifications.Domain.Assessment;
using Notifications.Domain.Policy;
using static Notifications.Domain.Reports.ReportText;

namespace Notifications.Domain.Reports;

/// <summary>One part of the report; <see cref="Element"/> is the pack notice element it carries, if any.</summary>
internal sealed record ReportSection(string? Element, string Heading, IReadOnlyList<string> Lines);

/// <summary>
/// Writes each part of the Commissioner's report from the input alone. A method returns null when its element cannot be
/// produced from what it was given; the writer then refuses to send an incomplete report.
/// </summary>
internal static class ReportSections
{
    public const string PublicBodies = "publicBodies";
    public const string DateLearned = "dateLearned";
    public const string BreachDescription = "breachDescription";
    public const string Kinds = "kindsOfPersonalInformation";
    public const string EstimatedNumber = "estimatedNumberAffected";
    public const string StepsTaken = "stepsTakenByBody";
    public const string Contact = "contactDetails";

    public static ReportSection? Bodies(CommissionerReportInput input)
    {
        var bodies = (input.Facts.PublicBodies ?? []).Where(b => !string.IsNullOrWhiteSpace(b?.Name)).ToArray();
        return bodies.Length == 0
            ? null
            : new(PublicBodies, "Public bodies with custody or control of the information",
                bodies.Select(b => $"- {b.Name.Trim()} ({Holds(b.Holds)})").ToArray());
    }

    public static ReportSection Learned(CommissionerReportInput input) =>
        new(DateLearned, "Date the public body learned of the breach",
        [
            $"Discovered: {Date(input.Facts.Discovered)}",
            $"Determined to be a privacy breach: {(input.Facts.Determined is { } d ? Date(d) : NotYetKnown)}",
        ]);

    public static ReportSection? Description(CommissionerReportInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            return null;
        }

        var facts = input.Facts;
        return new(BreachDescription, "Description of the breach and its date or period",
        [
            input.Description.Trim(),
            $"How it happened: {Cause(facts.Cause)}.",
            $"When it occurred: {Occurrence(facts.Occurred)}.",
            $"Recipients: {Count(facts.Recipients.Count)} ({Relationship(facts.Recipients.Relationship)}).",
        ]);
    }

    public static ReportSection? KindsOfInformation(CommissionerReportInput input, PolicyPack pack)
    {
        var labels = (input.Facts.PersonalInformation ?? []).Select(c => pack.FindPersonalInformation(c)?.Labels.En).ToArray();
        return labels.Length == 0 || labels.Any(l => l is null)
            ? null
            : new(Kinds, "Kinds of personal information involved (the information itself is not included)",
                labels.Select(l => $"- {l}").ToArray());
    }

    public static ReportSection Estimated(CommissionerReportInput input, PolicyPack pack)
    {
        var affected = input.Facts.Affected;
        var lines = new List<string>
        {
            $"Estimated number of affected individuals: {Count(affected.EstimatedCount)}",
            $"Groups among them: {List((affected.Groups ?? []).Select(g => pack.FindAffectedGroup(g)?.Labels.En ?? g), "none identified")}",
        };
        if (affected.ByJurisdiction is { Count: > 0 } byJurisdiction)
        {
            lines.Add($"By jurisdiction: {string.Join("; ", byJurisdiction.Select(j => $"{j.Jurisdiction}: {Count(j.Count)}"))}");
        }

        return new(EstimatedNumber, "Estimated number of affected individuals", lines);
    }

    public static ReportSection Steps(CommissionerReportInput input)
    {
        var steps = input.Steps ?? [];
        var taken = steps.Where(s => s.Done)
            .Select(s => $"- {s.Title} ({(s.DoneAt is { } at ? $"done {Date(at)}" : "done; date not recorded")})");
        var planned = steps.Where(s => !s.Done).Select(s => $"- {s.Title} (planned)");
        var lines = new List<string> { $"Containment status: {ContainmentState(input.Facts.Containment)}." };
        lines.Add("Steps taken:");
        lines.AddRange(taken.DefaultIfEmpty("- none recorded yet"));
        lines.Add("Steps planned:");
        lines.AddRange(planned.DefaultIfEmpty("- none recorded yet"));
        return new(StepsTaken, "Steps taken or planned to reduce the risk of harm", lines);
    }

    public static ReportSection Notification(CommissionerReportInput input, PolicyPack pack) =>
        new(null, "Notification of affected individuals", NotificationLines.For(input, pack));

    public static ReportSection Assessment(DecisionSummary decision)
    {
        var lines = new List<string>
        {
            $"Significant harm could reasonably be expected: {(decision.SignificantHarm ? "yes" : "no")}",
            $"Harm level: {decision.Level.ToString().ToLowerInvariant()}",
            $"Urgency: {(decision.Urgency == Urgency.Immediate ? "immediate" : "standard")}",
        };
        if (decision.Overridden)
        {
            var reason = string.IsNullOrWhiteSpace(decision.OverrideReason) ? "no reason recorded" : decision.OverrideReason.Trim();
            lines.Add($"The privacy officer overrode the proposed assessment. Reason for the override: {reason}");
        }

        lines.Add(decision.Overridden ? "Reasons of the proposed assessment:" : "Reasons:");
        lines.AddRange((decision.Reasons ?? []).Select(r => $"- {r.Text}").DefaultIfEmpty("- none recorded"));
        return new(null, "Harm assessment", lines);
    }

    public static ReportSection? ContactPerson(CommissionerReportInput input)
    {
        var contact = input.Contact;
        if (contact is null || string.IsNullOrWhiteSpace(contact.Name) || string.IsNullOrWhiteSpace(contact.Email))
        {
            return null;
        }

        var lines = new List<string> { string.IsNullOrWhiteSpace(contact.Title) ? contact.Name.Trim() : $"{contact.Name.Trim()}, {contact.Title.Trim()}" };
        lines.Add($"Email: {contact.Email.Trim()}");
        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            lines.Add($"Phone: {contact.Phone.Trim()}");
        }

        return new(Contact, "Contact person who can answer questions for the public body", lines);
    }
}
