namespace Notifications.Domain.Recipients;

/// <summary>
/// The columns of a recipient file, with the longest value each may hold. The limits keep one stored row small, so
/// that 100 rows always fit one entity-group transaction (under 4 MiB) with a wide margin.
/// </summary>
public static class RecipientColumns
{
    public const string PersonId = "person_id";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string Email = "email";
    public const string PostalAddress = "postal_address";
    public const string Language = "language";
    public const string Jurisdiction = "jurisdiction";
    public const string Identifiers = "identifiers";
    public const string GuardianEmail = "guardian_email";
    public const string GuardianName = "guardian_name";
    public const string Withhold = "withhold";
    public const string WithholdReason = "withhold_reason";

    /// <summary>Any cell longer than this (UTF-8 bytes) is an error, whatever its column.</summary>
    public const int MaxCellBytes = 4096;

    /// <summary>Columns the header must name (their values may still be empty, e.g. no email).</summary>
    public static readonly IReadOnlyList<string> Required =
        [PersonId, GivenName, FamilyName, Email, PostalAddress, Language, Jurisdiction, Identifiers];

    /// <summary>Columns the header may name.</summary>
    public static readonly IReadOnlyList<string> Optional = [GuardianEmail, GuardianName, Withhold, WithholdReason];

    /// <summary>The longest value, in characters, of each column.</summary>
    public static readonly IReadOnlyDictionary<string, int> MaxLength = new Dictionary<string, int>
    {
        [PersonId] = 128,
        [GivenName] = 200,
        [FamilyName] = 200,
        [Email] = 254,
        [PostalAddress] = 1000,
        [Language] = 2,
        [Jurisdiction] = 64,
        [Identifiers] = 1000,
        [GuardianEmail] = 254,
        [GuardianName] = 200,
        [Withhold] = 5,
        [WithholdReason] = 1000,
    };

    /// <summary>Checks a header: every required column once, nothing unknown. Names match trimmed and ignoring case.</summary>
    public static HeaderCheck Check(IReadOnlyList<string> header)
    {
        var names = header.Select(Normalize).ToList();
        var known = Required.Concat(Optional).ToHashSet(StringComparer.Ordinal);
        return new HeaderCheck(
            Missing: Required.Where(c => !names.Contains(c)).ToList(),
            Unknown: names.Where(n => !known.Contains(n)).Distinct().ToList(),
            Repeated: names.Where(known.Contains).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList());
    }

    public static string Normalize(string headerName) => headerName.Trim().ToLowerInvariant();
}

public sealed record HeaderCheck(IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown, IReadOnlyList<string> Repeated)
{
    public bool IsValid => Missing.Count == 0 && Unknown.Count == 0 && Repeated.Count == 0;

    /// <summary>One message naming every problem with the header.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Missing.Count > 0)
        {
            parts.Add("missing required column(s): " + string.Join(", ", Missing));
        }

        if (Unknown.Count > 0)
        {
            parts.Add("unknown column(s): " + string.Join(", ", Unknown.Select(Excerpt.Of)));
        }

        if (Repeated.Count > 0)
        {
            parts.Add("repeated column(s): " + string.Join(", ", Repeated));
        }

        return "The header has " + string.Join("; ", parts) + ". Expected: "
            + string.Join(", ", RecipientColumns.Required.Concat(RecipientColumns.Optional)) + ".";
    }
}
