using Notifications.Domain.Breach;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Assessment;

/// <summary>
/// Computes each duty's deadline from the pack's clock trigger. Public so that a confirmed or overridden decision can
/// recompute deadlines with the officer's level and urgency.
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>The deadlines for every duty of the pack.</summary>
    /// <param name="facts">The breach facts (their occurred, discovered and determined times start the clocks).</param>
    /// <param name="pack">The policy pack.</param>
    /// <param name="level">The harm level decided.</param>
    /// <param name="significant">Whether harm is significant.</param>
    /// <param name="urgency">Standard or immediate.</param>
    /// <param name="now">The time of the decision; immediate notice is due a pack-set time after it.</param>
    public static IReadOnlyList<ComputedDeadline> Compute(
        BreachFacts facts, PolicyPack pack, HarmLevel level, bool significant, Urgency urgency, DateTimeOffset now) =>
        pack.Deadlines.Select(rule => Compute(rule, facts, level, significant, urgency, now)).ToArray();

    /// <summary>When a clock trigger fired for these facts, or null when that event is not known yet.</summary>
    public static DateTimeOffset? ClockStart(ClockTrigger trigger, BreachFacts facts) => trigger switch
    {
        ClockTrigger.Occurred => facts.Occurred.Earliest,
        ClockTrigger.Discovered or ClockTrigger.Aware => facts.Discovered,
        ClockTrigger.Determined => facts.Determined,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown clock trigger."),
    };

    private static ComputedDeadline Compute(
        DeadlineRule rule, BreachFacts facts, HarmLevel level, bool significant, Urgency urgency, DateTimeOffset now)
    {
        var required = rule.RequiredFromLevel is { } from ? level >= from : significant;
        var start = ClockStart(rule.Clock, facts);
        var standard = start + rule.Within;
        var trigger = PolicyPackValidator.Camel(rule.Clock.ToString());
        var basis = start is null
            ? $"{Phrases.Duration(rule.Within)} from {trigger}; the clock has not started because that time is not known yet"
            : $"{Phrases.Duration(rule.Within)} from {trigger}";

        if (urgency == Urgency.Immediate && rule.ImmediateWithin is { } immediateWithin)
        {
            var immediate = now + immediateWithin;
            if (standard is null || immediate < standard)
            {
                return new(rule.Audience, rule.Clock, start, immediate, required,
                    $"immediate: {Phrases.Duration(immediateWithin)} from the assessment, sooner than {basis}");
            }
        }

        return new(rule.Audience, rule.Clock, start, standard, required, basis);
    }
}
