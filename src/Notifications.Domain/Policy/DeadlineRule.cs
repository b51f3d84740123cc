namespace Notifications.Domain.Policy;

/// <summary>A notification duty with its clock.</summary>
/// <param name="Audience">Who is notified: <c>individuals</c>, <c>commissioner</c>, or a regime's own audience code.</param>
/// <param name="Clock">The event that starts the clock.</param>
/// <param name="Within">The standard period from the clock start (BC: 7 days, a policy setting).</param>
/// <param name="ImmediateWithin">When notice is immediate: due this long after the assessment, if that is sooner.</param>
/// <param name="RequiredFromLevel">The lowest level that triggers this duty; null means "when harm is significant".</param>
public sealed record DeadlineRule(
    string Audience,
    ClockTrigger Clock,
    TimeSpan Within,
    TimeSpan? ImmediateWithin = null,
    HarmLevel? RequiredFromLevel = null);
