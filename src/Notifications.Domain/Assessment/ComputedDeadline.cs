using Notifications.Domain.Policy;

namespace Notifications.Domain.Assessment;

/// <summary>One notification duty's deadline for this breach.</summary>
/// <param name="Audience">Who is notified (e.g. <c>individuals</c>, <c>commissioner</c>).</param>
/// <param name="Clock">The event that starts the clock.</param>
/// <param name="ClockStartedAt">When the clock started; null while that event is not known (e.g. not yet determined).</param>
/// <param name="Due">When notice is due; null when the clock has not started and notice is not immediate.</param>
/// <param name="Required">Whether the proposal makes this duty apply.</param>
/// <param name="Basis">How the due time was computed, in plain language.</param>
public sealed record ComputedDeadline(
    string Audience,
    ClockTrigger Clock,
    DateTimeOffset? ClockStartedAt,
    DateTimeOffset? Due,
    bool Required,
    string Basis);
