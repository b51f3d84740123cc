using Notifications.Domain.Text;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Breach;

/// <summary>Consistency checks on <see cref="BreachFacts"/>. The HTTP edge checks shape; this checks meaning.</summary>
internal static class BreachFactsValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(BreachFacts facts, DateTimeOffset now, PolicyPack? pack)
    {
        var errors = new FieldErrors();
        ValidateBodies(facts.PublicBodies, errors);
        ValidateTimes(facts, now, errors);
        errors.AddIf(!Enum.IsDefined(facts.Cause), "cause", "Unknown cause.");
        ValidatePersonalInformation(facts.PersonalInformation, pack, errors);
        ValidateAffected(facts.Affected, pack, errors);
        ValidateRecipients(facts.Recipients, errors);
        if (facts.Containment is null)
        {
            errors.Add("containment", "Required.");
        }
        else
        {
            errors.AddIf(!Enum.IsDefined(facts.Containment.Status), "containment.status", "Unknown containment status.");
        }

        return errors.ToDictionary();
    }

    private static void ValidateBodies(IReadOnlyList<PublicBodyInvolved> bodies, FieldErrors errors)
    {
        if (bodies is null || bodies.Count == 0)
        {
            errors.Add("publicBodies", "At least one public body is required.");
            return;
        }

        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i];
            if (body is null)
            {
                errors.Add($"publicBodies[{i}]", "Required.");
                continue;
            }

            errors.AddIf(string.IsNullOrWhiteSpace(body.Name), $"publicBodies[{i}].name", "Required.");
            if (TextRules.FindUnsafe(body.Name, multiline: false) is { } unsafeCharacter)
            {
                errors.Add($"publicBodies[{i}].name", TextRules.Describe(unsafeCharacter));
            }

            errors.AddIf(!Enum.IsDefined(body.Holds), $"publicBodies[{i}].holds", "Must be custody, control or custodyAndControl.");
        }

        var duplicates = bodies.Where(b => b is not null && !string.IsNullOrWhiteSpace(b.Name))
            .GroupBy(b => b.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Any(g => g.Count() > 1);
        errors.AddIf(duplicates, "publicBodies", "Each public body may appear only once.");
    }

    private static void ValidateTimes(BreachFacts facts, DateTimeOffset now, FieldErrors errors)
    {
        errors.AddIf(facts.Discovered == default, "discovered", "Required.");
        errors.AddIf(facts.Discovered > now, "discovered", "Cannot be in the future.");
        if (facts.Determined is { } determined)
        {
            errors.AddIf(determined < facts.Discovered, "determined", "Cannot be before the breach was discovered.");
            errors.AddIf(determined > now, "determined", "Cannot be in the future.");
        }

        var occurred = facts.Occurred;
        if (occurred is null)
        {
            errors.Add("occurred", "Required; use kind 'unknown' when not known.");
            return;
        }

        switch (occurred.Kind)
        {
            case OccurrenceKind.Unknown:
                break;
            case OccurrenceKind.Date:
                errors.AddIf(occurred.On is null, "occurred.on", "Required when the occurrence is a date.");
                errors.AddIf(occurred.On > facts.Discovered, "occurred.on", "Cannot be after the breach was discovered.");
                break;
            case OccurrenceKind.Period:
                errors.AddIf(occurred.From is null, "occurred.from", "Required when the occurrence is a period.");
                errors.AddIf(occurred.From > facts.Discovered, "occurred.from", "Cannot be after the breach was discovered.");
                errors.AddIf(occurred.To < occurred.From, "occurred.to", "Cannot be before the start of the period.");
                break;
            default:
                errors.Add("occurred.kind", "Must be unknown, date or period.");
                break;
        }
    }

    private static void ValidatePersonalInformation(IReadOnlyList<string> kinds, PolicyPack? pack, FieldErrors errors)
    {
        if (kinds is null || kinds.Count == 0)
        {
            errors.Add("personalInformation", "At least one kind of personal information is required.");
            return;
        }

        for (var i = 0; i < kinds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(kinds[i]))
            {
                errors.Add($"personalInformation[{i}]", "Required.");
            }
            else if (pack is not null && !pack.HasPersonalInformation(kinds[i]))
            {
                errors.Add($"personalInformation[{i}]", $"'{kinds[i]}' is not in the vocabulary of policy pack {pack.Id} {pack.Version}.");
            }
        }

        errors.AddIf(kinds.Distinct(StringComparer.Ordinal).Count() != kinds.Count, "personalInformation", "Each kind may appear only once.");
    }

    private static void ValidateAffected(AffectedIndividuals affected, PolicyPack? pack, FieldErrors errors)
    {
        if (affected is null)
        {
            errors.Add("affected", "Required.");
            return;
        }

        errors.AddIf(affected.EstimatedCount < 1, "affected.estimatedCount", "Must be at least 1 when given.");
        var groups = affected.Groups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(groups[i]))
            {
                errors.Add($"affected.groups[{i}]", "Required.");
            }
            else if (pack is not null && !pack.HasAffectedGroup(groups[i]))
            {
                errors.Add($"affected.groups[{i}]", $"'{groups[i]}' is not a group in policy pack {pack.Id} {pack.Version}.");
            }
        }

        var byJurisdiction = affected.ByJurisdiction ?? [];
        for (var i = 0; i < byJurisdiction.Count; i++)
        {
            errors.AddIf(string.IsNullOrWhiteSpace(byJurisdiction[i]?.Jurisdiction), $"affected.byJurisdiction[{i}].jurisdiction", "Required.");
            errors.AddIf(byJurisdiction[i]?.Count < 0, $"affected.byJurisdiction[{i}].count", "Cannot be negative.");
        }

        var total = byJurisdiction.Sum(j => j?.Count ?? 0);
        errors.AddIf(affected.EstimatedCount is { } estimate && total > estimate, "affected.byJurisdiction",
            "The counts by jurisdiction add up to more than the estimated count.");
    }

    private static void ValidateRecipients(Recipients recipients, FieldErrors errors)
    {
        if (recipients is null)
        {
            errors.Add("recipients", "Required; give a null count when the recipients are unknown.");
            return;
        }

        errors.AddIf(recipients.Count < 0, "recipients.count", "Cannot be negative; leave it empty when unknown.");
        errors.AddIf(!Enum.IsDefined(recipients.Relationship), "recipients.relationship", "Unknown relationship.");
    }
}
