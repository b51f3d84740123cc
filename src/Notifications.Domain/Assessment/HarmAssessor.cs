using Notifications.Domain.Breach;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Assessment;

/// <summary>
/// Proposes whether a breach could reasonably be expected to cause significant harm. Pure: the same facts, pack and
/// time always give the same proposal. The weights live in the pack; this class only interprets them (see README.md).
/// </summary>
public static class HarmAssessor
{
    /// <summary>Assesses the facts under the pack.</summary>
    /// <param name="facts">Valid breach facts (see <see cref="BreachFacts.Validate"/>).</param>
    /// <param name="pack">A loaded policy pack.</param>
    /// <param name="now">The time of the assessment.</param>
    /// <exception cref="ArgumentException">The facts are invalid for this pack; the message lists the fields.</exception>
    public static AssessmentProposal Assess(BreachFacts facts, PolicyPack pack, DateTimeOffset now)
    {
        var errors = facts.Validate(now, pack);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "The breach facts are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
                nameof(facts));
        }

        var harm = pack.Harm;
        var reasons = harm.Factors.SelectMany(f => HarmFactorEvaluator.Evaluate(f, facts, pack)).ToList();
        var score = reasons.Sum(r => r.Points);
        var scoredLevel = LevelFor(score, harm.Levels);
        var forcedLevel = ForcedLevel(harm, facts);
        var level = forcedLevel > scoredLevel ? forcedLevel.Value : scoredLevel;
        var significant = level >= harm.SignificantFrom;

        var urgencyReason = UrgencyReason(harm.Urgency, facts, significant);
        if (urgencyReason is not null)
        {
            reasons.Add(urgencyReason);
        }

        var urgency = urgencyReason is null ? Urgency.Standard : Urgency.Immediate;
        var deadlines = DeadlineCalculator.Compute(facts, pack, level, significant, urgency, now);
        return new AssessmentProposal(
            significant, level, urgency, score, deadlines[0].Due, deadlines, pack.Id, pack.Version, now,
            Decision(significant, level, scoredLevel, score, harm.SignificantFrom), reasons);
    }

    private static HarmLevel LevelFor(decimal score, IReadOnlyList<LevelThreshold> levels) =>
        levels.Where(l => score >= l.MinScore).Select(l => l.Level).DefaultIfEmpty(HarmLevel.Low).Max();

    private static HarmLevel? ForcedLevel(HarmModel harm, BreachFacts facts) =>
        facts.PhysicalHarmPossible
            ? harm.Factors.FirstOrDefault(f => f.Code == HarmFactorCodes.PhysicalHarm)?.MinimumLevel
            : null;

    private static AssessmentReason? UrgencyReason(UrgencyRules rules, BreachFacts facts, bool significant)
    {
        if (rules.ImmediateWhenPhysicalHarm && facts.PhysicalHarmPossible)
        {
            return new("urgency", "physicalHarmPossible", 0,
                "Urgency: physical harm is possible, which warrants immediate notification even before all facts are known; " +
                "details can follow.", "physicalHarm");
        }

        var difficult = rules.DifficultToContain.Contains(facts.Containment.Status)
            && !facts.Containment.RecipientsAgreedToDestroyOrReturn;
        return significant && difficult
            ? new("urgency", "containment.status", 0,
                "Urgency: the breach is difficult to contain and significant harm is likely, which warrants immediate notification.",
                "difficultToContain")
            : null;
    }

    private static string Decision(bool significant, HarmLevel level, HarmLevel scoredLevel, decimal score, HarmLevel from)
    {
        var levelText = PolicyPackValidator.Camel(level.ToString());
        var fromText = PolicyPackValidator.Camel(from.ToString());
        var forced = level != scoredLevel ? $" (the score alone gives {PolicyPackValidator.Camel(scoredLevel.ToString())}; a rule raised it)" : string.Empty;
        return significant
            ? $"Significant harm: score {Phrases.Number(score)}, level {levelText}{forced}; the pack treats {fromText} and above as significant, so notification is required."
            : $"Not significant harm: score {Phrases.Number(score)}, level {levelText}, below {fromText}; the incident is recorded with its reasons and no notification is required.";
    }
}
