using Notifications.Domain.Breach;

namespace Notifications.Domain.Policy;

/// <summary>Checks a deserialized pack for meaning: known factor codes, labels in both languages, consistent references.</summary>
internal static class PolicyPackValidator
{
    public static IReadOnlyList<string> Validate(PolicyPack pack)
    {
        var errors = new List<string>();
        Require(errors, pack.Id, "$.id");
        Require(errors, pack.Version, "$.version");
        Require(errors, pack.Name, "$.name");
        ValidateTerms(errors, pack.Vocabulary.PersonalInformation, "$.vocabulary.personalInformation", requireAny: true);
        ValidateTerms(errors, pack.Vocabulary.AffectedGroups, "$.vocabulary.affectedGroups", requireAny: false);
        ValidateHarm(errors, pack);
        ValidateDeadlines(errors, pack.Deadlines);
        ValidateReminders(errors, pack.Reminders);
        Unique(errors, pack.IndirectNotice.Select(t => t.Code), "$.indirectNotice");
        for (var i = 0; i < pack.IndirectNotice.Count; i++)
        {
            Labels(errors, pack.IndirectNotice[i].Labels, $"$.indirectNotice[{i}].labels");
        }

        Unique(errors, pack.NoticeElements.Select(e => e.Code), "$.noticeElements");
        for (var i = 0; i < pack.NoticeElements.Count; i++)
        {
            Labels(errors, pack.NoticeElements[i].Labels, $"$.noticeElements[{i}].labels");
            if (pack.NoticeElements[i].Audiences.Count == 0)
            {
                errors.Add($"$.noticeElements[{i}].audiences: at least one audience is required.");
            }
        }

        for (var i = 0; i < pack.Exemptions.Count; i++)
        {
            Require(errors, pack.Exemptions[i].Code, $"$.exemptions[{i}].code");
            Labels(errors, pack.Exemptions[i].Text, $"$.exemptions[{i}].text");
        }

        ContainmentPlaybookValidator.Validate(errors, pack.Containment);
        return errors;
    }

    private static void ValidateTerms(List<string> errors, IReadOnlyList<VocabularyTerm> terms, string path, bool requireAny)
    {
        if (requireAny && terms.Count == 0)
        {
            errors.Add($"{path}: at least one term is required.");
        }

        Unique(errors, terms.Select(t => t.Code), path);
        for (var i = 0; i < terms.Count; i++)
        {
            Require(errors, terms[i].Code, $"{path}[{i}].code");
            Labels(errors, terms[i].Labels, $"{path}[{i}].labels");
            if (terms[i].Sensitivity is < 0 or > 10)
            {
                errors.Add($"{path}[{i}].sensitivity: must be between 0 and 10.");
            }
        }
    }

    private static void ValidateHarm(List<string> errors, PolicyPack pack)
    {
        var harm = pack.Harm;
        Unique(errors, harm.Factors.Select(f => f.Code), "$.harm.factors");
        for (var i = 0; i < harm.Factors.Count; i++)
        {
            ValidateFactor(errors, harm.Factors[i], pack, $"$.harm.factors[{i}]");
        }

        Unique(errors, harm.Combinations.Select(c => c.Code), "$.harm.combinations");
        for (var i = 0; i < harm.Combinations.Count; i++)
        {
            var combination = harm.Combinations[i];
            var path = $"$.harm.combinations[{i}]";
            Require(errors, combination.Code, $"{path}.code");
            Require(errors, combination.Consequence, $"{path}.consequence");
            if (combination.AllOf.Count + (combination.AnyOf?.Count ?? 0) < 2)
            {
                errors.Add($"{path}: a combination needs at least two kinds of personal information.");
            }

            foreach (var code in combination.AllOf.Concat(combination.AnyOf ?? []).Where(c => !pack.HasPersonalInformation(c)))
            {
                errors.Add($"{path}: '{code}' is not in the personal-information vocabulary.");
            }
        }

        if (harm.Combinations.Count > 0 && harm.Factors.All(f => f.Code != HarmFactorCodes.Combination))
        {
            errors.Add("$.harm.combinations: combinations are listed but no 'combination' factor weighs them.");
        }

        foreach (var level in Enum.GetValues<HarmLevel>().Where(l => harm.Levels.Count(t => t.Level == l) != 1))
        {
            errors.Add($"$.harm.levels: level '{Camel(level.ToString())}' must appear exactly once.");
        }

        var ordered = harm.Levels.OrderBy(l => l.Level).Select(l => l.MinScore).ToArray();
        if (ordered.Zip(ordered.Skip(1)).Any(p => p.First >= p.Second))
        {
            errors.Add("$.harm.levels: minimum scores must rise strictly from low to critical.");
        }

        if (!Enum.IsDefined(harm.SignificantFrom))
        {
            errors.Add("$.harm.significantFrom: unknown level.");
        }
    }

    private static void ValidateFactor(List<string> errors, HarmFactor factor, PolicyPack pack, string path)
    {
        if (!HarmFactorCodes.All.Contains(factor.Code))
        {
            errors.Add($"{path}.code: unknown factor '{factor.Code}'. Known: {string.Join(", ", HarmFactorCodes.All)}.");
            return;
        }

        Require(errors, factor.Label, $"{path}.label");
        var allowed = AllowedPointKeys(factor.Code, pack);
        foreach (var key in (factor.Points?.Keys ?? Enumerable.Empty<string>()).Where(k => !allowed.Contains(k)))
        {
            errors.Add($"{path}.points.{key}: not a value the '{factor.Code}' factor reads. Allowed: {string.Join(", ", allowed)}.");
        }

        if (factor.Code == HarmFactorCodes.PhysicalHarm && factor.MinimumLevel is null)
        {
            errors.Add($"{path}.minimumLevel: required for the physical-harm factor.");
        }

        if (factor.Code == HarmFactorCodes.RecipientCount && factor.Points?.ContainsKey("many") == true && factor.Threshold is null or < 2)
        {
            errors.Add($"{path}.threshold: give the number of recipients (2 or more) from which 'many' applies.");
        }

        if (factor.Max is < 0)
        {
            errors.Add($"{path}.max: cannot be negative.");
        }
    }

    private static IReadOnlyList<string> AllowedPointKeys(string factor, PolicyPack pack) => factor switch
    {
        HarmFactorCodes.AffectedGroups => pack.Vocabulary.AffectedGroups.Select(g => g.Code).ToArray(),
        HarmFactorCodes.RecipientRelationship => CamelNames<RecipientRelationship>(),
        HarmFactorCodes.RecipientCount => ["unknown", "many"],
        HarmFactorCodes.Containment => [.. CamelNames<ContainmentStatus>(), "agreedToDestroyOrReturn"],
        HarmFactorCodes.Cause => CamelNames<BreachCause>(),
        HarmFactorCodes.PhysicalHarm => ["possible"],
        _ => [],
    };

    private static void ValidateDeadlines(List<string> errors, IReadOnlyList<DeadlineRule> deadlines)
    {
        if (deadlines.Count == 0)
        {
            errors.Add("$.deadlines: at least one notification duty is required.");
        }

        Unique(errors, deadlines.Select(d => d.Audience), "$.deadlines");
        for (var i = 0; i < deadlines.Count; i++)
        {
            Require(errors, deadlines[i].Audience, $"$.deadlines[{i}].audience");
            if (deadlines[i].Within < TimeSpan.Zero || deadlines[i].ImmediateWithin < TimeSpan.Zero)
            {
                errors.Add($"$.deadlines[{i}]: periods cannot be negative.");
            }
        }
    }

    private static void ValidateReminders(List<string> errors, ReminderSchedule reminders)
    {
        if (reminders.Before.Any(b => b <= TimeSpan.Zero))
        {
            errors.Add("$.reminders.before: offsets must be positive durations before the deadline.");
        }

        if (reminders.RepeatAfter <= TimeSpan.Zero || reminders.RepeatWhenImmediate <= TimeSpan.Zero)
        {
            errors.Add("$.reminders: repeat intervals must be positive.");
        }
    }

    internal static void Labels(List<string> errors, LocalizedText labels, string path)
    {
        Require(errors, labels.En, $"{path}.en");
        Require(errors, labels.Fr, $"{path}.fr");
    }

    internal static void Require(List<string> errors, string value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}: required.");
        }
    }

    internal static void Unique(List<string> errors, IEnumerable<string> codes, string path)
    {
        foreach (var duplicate in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{path}: '{duplicate.Key}' appears more than once.");
        }
    }

    internal static string[] CamelNames<TEnum>()
        where TEnum : struct, Enum => Enum.GetNames<TEnum>().Select(Camel).ToArray();

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
