namespace Notifications.Domain.Reports;

/// <summary>A step the public body has taken or plans to take to reduce the risk of harm.</summary>
/// <param name="Title">What the step is, in English.</param>
/// <param name="Done">Whether it has been taken.</param>
/// <param name="DoneAt">When it was taken, if recorded.</param>
public sealed record ContainmentStep(string Title, bool Done, DateTimeOffset? DoneAt);
