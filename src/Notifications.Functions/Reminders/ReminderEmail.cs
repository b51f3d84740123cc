using System.Globalization;
using System.Text;
using Notifications.Domain.Incidents;

namespace Notifications.Functions.Reminders;

/// <summary>
/// The reminder's text: the incident's id and public body, the deadline, its basis and the time left. Never the
/// title, description or reporter, which can hold personal information.
/// </summary>
public static class ReminderEmail
{
    public static (string Subject, string Body) Compose(IncidentState state, DateTimeOffset deadline, DateTimeOffset now, string baseUrl)
    {
        var left = deadline - now;
        var when = Math.Abs(left.TotalMinutes) < 1 ? "is now"
            : left > TimeSpan.Zero ? "in " + Span(left)
            : "passed " + Span(-left) + " ago";
        var escalation = left > TimeSpan.FromMinutes(1) ? "Reminder" : left > TimeSpan.FromMinutes(-1) ? "Due now" : "OVERDUE";
        var subject = $"{escalation}: breach {state.IncidentId}, notification deadline {when}";
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Incident: {state.IncidentId}")
            .AppendLine(CultureInfo.InvariantCulture, $"Public body: {state.Report?.PublicBody}")
            .AppendLine(CultureInfo.InvariantCulture, $"Urgency: {state.Urgency}")
            .AppendLine(CultureInfo.InvariantCulture, $"Where it stands: {NextStep(state)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Notification deadline: {deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({state.DeadlineBasis})")
            .AppendLine(CultureInfo.InvariantCulture, $"Time left: {(left > TimeSpan.Zero ? Span(left) : "none, the deadline " + when)}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Record: {baseUrl.TrimEnd('/')}/api/incidents/{state.IncidentId}")
            .AppendLine()
            .AppendLine("This reminder carries no personal information. Open the record to see the report.")
            .ToString();
        return (subject, body);
    }

    /// <summary>What the office has to do next, from the incident's state alone.</summary>
    public static string NextStep(IncidentState s) => s.Status switch
    {
        IncidentStatus.Open when s.CurrentProposal is null => "the harm assessment is running.",
        IncidentStatus.Open => "a privacy officer must confirm or override the harm assessment.",
        IncidentStatus.Notifying when s.CommissionerReport is { ApprovedAt: null } => "notify the affected individuals; the Commissioner's report awaits approval.",
        IncidentStatus.Notifying => "notify the affected individuals.",
        _ => s.Status.ToString(),
    };

    public static string Span(TimeSpan span)
    {
        if (span.TotalHours < 1)
        {
            return Unit((int)Math.Ceiling(span.TotalMinutes), "minute");
        }

        return span.TotalDays >= 1
            ? Unit(span.Days, "day") + (span.Hours > 0 ? " " + Unit(span.Hours, "hour") : "")
            : Unit((int)span.TotalHours, "hour") + (span.Minutes > 0 ? " " + Unit(span.Minutes, "minute") : "");
    }

    private static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
