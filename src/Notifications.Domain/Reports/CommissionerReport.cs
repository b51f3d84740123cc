namespace Notifications.Domain.Reports;

/// <summary>The written report to the Information and Privacy Commissioner, as plain English text.</summary>
/// <param name="Subject">A subject line naming the public bodies and the incident.</param>
/// <param name="Text">The report.</param>
/// <param name="Elements">The codes of the pack's Commissioner notice elements the text contains, in the pack's order.</param>
public sealed record CommissionerReport(string Subject, string Text, IReadOnlyList<string> Elements);
