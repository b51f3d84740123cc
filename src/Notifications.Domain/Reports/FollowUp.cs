namespace Notifications.Domain.Reports;

/// <summary>Which follow-up a report is, and what it follows.</summary>
/// <param name="Number">The report's number: 2 for the first follow-up (the first report is 1).</param>
/// <param name="PreviousSentAt">When the report before it was sent to the Commissioner.</param>
/// <param name="NoticesCompletedAt">When the notices were complete, if they are.</param>
public sealed record FollowUp(int Number, DateTimeOffset PreviousSentAt, DateTimeOffset? NoticesCompletedAt);
