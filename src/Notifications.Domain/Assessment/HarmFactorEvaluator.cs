using Notifications.Domain.Breach;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Assessment;

/// <summary>Reads one factor of the pack against the facts and returns its reasons with their points. Knows no weights.</summary>
internal static class HarmFactorEvaluator
{
    public static IEnumerable<AssessmentReason> Evaluate(HarmFactor factor, BreachFacts facts, PolicyPack pack) => factor.Code switch
    {
        HarmFactorCodes.PhysicalHarm => PhysicalHarm(factor, facts),
        HarmFactorCodes.Sensitivity => Sensitivity(factor, facts, pack),
        HarmFactorCodes.DataElements => DataElements(factor, facts),
        HarmFactorCodes.Combination => Combinations(factor, facts, pack),
        HarmFactorCodes.AffectedGroups => AffectedGroups(factor, facts, pack),
        HarmFactorCodes.RecipientRelationship => RecipientRelationship(factor, facts),
        HarmFactorCodes.RecipientCount => RecipientCount(factor, facts),
        HarmFactorCodes.Containment => Containment(factor, facts),
        HarmFactorCodes.Cause => Cause(factor, facts),
        _ => throw new InvalidOperationException($"Factor '{factor.Code}' passed pack validation but has no evaluator."),
    };

    private static IEnumerable<AssessmentReason> PhysicalHarm(HarmFactor factor, BreachFacts facts)
    {
        if (facts.PhysicalHarmPossible)
        {
            yield return new(factor.Code, "physicalHarmPossible", factor.PointsFor("possible"),
                $"{factor.Label}: the breach could result in physical harm to an individual, so the harm is treated as " +
                $"at least {Camel(factor.MinimumLevel ?? HarmLevel.Critical)} and significant.");
        }
    }

    private static IEnumerable<AssessmentReason> Sensitivity(HarmFactor factor, BreachFacts facts, PolicyPack pack)
    {
        var terms = facts.PersonalInformation.Select(pack.FindPersonalInformation).OfType<VocabularyTerm>().ToArray();
        if (terms.Length == 0)
        {
            yield break;
        }

        var highest = terms.Max(t => t.Sensitivity);
        var mostSensitive = terms.Where(t => t.Sensitivity == highest).Select(t => t.Labels.En).ToArray();
        var kinds = mostSensitive.Length == 1 ? $"the most sensitive kind involved is {mostSensitive[0]}" :
            $"the most sensitive kinds involved are {Phrases.List(mostSensitive)}";
        var reading = highest >= 4 ? "highly sensitive, which makes significant harm more likely" :
            highest >= 3 ? "moderately sensitive" : "not highly sensitive on its own";
        yield return new(factor.Code, "personalInformation", highest * (factor.PerUnit ?? 1m),
            $"{factor.Label}: {kinds} (weight {Phrases.Number(highest)} of 10), {reading}.");
    }

    private static IEnumerable<AssessmentReason> DataElements(HarmFactor factor, BreachFacts facts)
    {
        var count = facts.PersonalInformation.Count;
        var beyond = count - (factor.Threshold ?? 1);
        if (beyond <= 0)
        {
            yield break;
        }

        var points = Cap(beyond * (factor.PerUnit ?? 0m), factor.Max);
        if (points != 0)
        {
            yield return new(factor.Code, "personalInformation", points,
                $"{factor.Label}: {count} kinds of personal information are involved; each added element gives a more " +
                "complete picture of a person and raises the risk of misuse.");
        }
    }

    private static IEnumerable<AssessmentReason> Combinations(HarmFactor factor, BreachFacts facts, PolicyPack pack)
    {
        var involved = facts.PersonalInformation.ToHashSet(StringComparer.Ordinal);
        foreach (var combination in pack.Harm.Combinations)
        {
            var anyOf = combination.AnyOf ?? [];
            var matchedAny = anyOf.Where(involved.Contains).ToArray();
            if (!combination.AllOf.All(involved.Contains) || (anyOf.Count > 0 && matchedAny.Length == 0))
            {
                continue;
            }

            var labels = combination.AllOf.Concat(matchedAny)
                .Select(code => pack.FindPersonalInformation(code)?.Labels.En ?? code).ToArray();
            yield return new(factor.Code, "personalInformation", combination.Points,
                $"{factor.Label}: {Phrases.List(labels)} together {combination.Consequence}.", combination.Code);
        }
    }

    private static IEnumerable<AssessmentReason> AffectedGroups(HarmFactor factor, BreachFacts facts, PolicyPack pack)
    {
        var groups = (facts.Affected.Groups ?? []).Distinct(StringComparer.Ordinal)
            .Where(g => factor.PointsFor(g) != 0).ToArray();
        if (groups.Length == 0)
        {
            yield break;
        }

        var points = Cap(groups.Sum(factor.PointsFor), factor.Max);
        var labels = groups.Select(g => pack.FindAffectedGroup(g)?.Labels.En ?? g).ToArray();
        yield return new(factor.Code, "affected.groups", points,
            $"{factor.Label}: {Phrases.List(labels)} are among the affected individuals; they may be harmed differently " +
            "and need care in how they are notified.");
    }

    private static IEnumerable<AssessmentReason> RecipientRelationship(HarmFactor factor, BreachFacts facts)
    {
        var relationship = facts.Recipients.Relationship;
        var points = factor.PointsFor(Camel(relationship));
        if (points == 0)
        {
            yield break;
        }

        var text = relationship switch
        {
            Breach.RecipientRelationship.SameBodyConfidentialityDuty =>
                "the recipients work for the same public body under the same duty of confidentiality, which lowers the likelihood of misuse",
            Breach.RecipientRelationship.AdverseOrHostile =>
                "the recipient is in an adverse or hostile relationship with an affected individual, which increases the potential for harm",
            Breach.RecipientRelationship.KnownMaliciousIntent =>
                "there is evidence that the recipient intends to use the information in a malicious way, which increases the potential for harm",
            Breach.RecipientRelationship.Public => "the information was exposed to the public, which increases the potential for harm",
            _ => "the recipients have no known relationship with the affected individuals",
        };
        yield return new(factor.Code, "recipients.relationship", points, $"{factor.Label}: {text}.");
    }

    private static IEnumerable<AssessmentReason> RecipientCount(HarmFactor factor, BreachFacts facts)
    {
        if (facts.Recipients.Count is not { } count)
        {
            var unknown = factor.PointsFor("unknown");
            if (unknown != 0)
            {
                yield return new(factor.Code, "recipients.count", unknown,
                    $"{factor.Label}: who received the information, or how many, is unknown, which increases the potential for harm.");
            }
        }
        else if (factor.Threshold is { } many && count >= many && factor.PointsFor("many") != 0)
        {
            yield return new(factor.Code, "recipients.count", factor.PointsFor("many"),
                $"{factor.Label}: {count} recipients received the information ({many} or more count as many), which makes " +
                "it harder to contain and increases the potential for harm.");
        }
    }

    private static IEnumerable<AssessmentReason> Containment(HarmFactor factor, BreachFacts facts)
    {
        var status = facts.Containment.Status;
        var points = factor.PointsFor(Camel(status));
        if (points != 0)
        {
            var text = status switch
            {
                ContainmentStatus.Contained => "the breach has been contained, which lowers the likelihood of harm",
                ContainmentStatus.PartiallyContained => "the breach is only partly contained",
                ContainmentStatus.NotContained => "the breach cannot be contained by the public body, which increases the likelihood of harm",
                _ => "it is not yet known whether the breach can be contained",
            };
            yield return new(factor.Code, "containment.status", points, $"{factor.Label}: {text}.");
        }

        var agreed = factor.PointsFor("agreedToDestroyOrReturn");
        if (facts.Containment.RecipientsAgreedToDestroyOrReturn && agreed != 0)
        {
            yield return new(factor.Code, "containment.recipientsAgreedToDestroyOrReturn", agreed,
                $"{factor.Label}: the recipients agreed to destroy or return the information, which lowers the likelihood of harm.");
        }
    }

    private static IEnumerable<AssessmentReason> Cause(HarmFactor factor, BreachFacts facts)
    {
        var points = factor.PointsFor(Camel(facts.Cause));
        if (points == 0)
        {
            yield break;
        }

        var text = facts.Cause switch
        {
            BreachCause.Theft => "the information was stolen, which generally increases the risk of misuse and of significant harm",
            BreachCause.Cyberattack => "the information was taken in a cyberattack, which generally increases the risk of misuse and of significant harm",
            BreachCause.Loss => "the information was lost, so who may hold it is unknown",
            BreachCause.UnauthorizedAccess => "the information was accessed without authority",
            BreachCause.UnauthorizedUse => "the information was used for a purpose it was not collected for",
            BreachCause.MisdirectedEmail => "the information was sent by email to the wrong recipients",
            BreachCause.MisdirectedMail => "the information was mailed to the wrong recipients",
            _ => "the way the information was breached affects the risk",
        };
        yield return new(factor.Code, "cause", points, $"{factor.Label}: {text}.");
    }

    private static decimal Cap(decimal points, decimal? max) => max is { } m ? Math.Min(points, m) : points;

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => PolicyPackValidator.Camel(value.ToString());
}
