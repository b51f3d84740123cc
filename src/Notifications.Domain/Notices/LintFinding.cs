namespace Notifications.Domain.Notices;

/// <summary>One reason a notice is blocked. The message never carries a matched value in full (all but 2 chars masked).</summary>
/// <param name="Code">One of <see cref="LintCodes"/>.</param>
/// <param name="Message">What is wrong, for the privacy officer.</param>
/// <param name="Element">The pack element concerned, if any.</param>
public sealed record LintFinding(string Code, string Message, string? Element = null);

/// <summary>The outcome of linting one notice. Any finding blocks it.</summary>
/// <param name="Blocked">True when the notice must not be sent.</param>
/// <param name="Findings">Why.</param>
public sealed record LintResult(bool Blocked, IReadOnlyList<LintFinding> Findings)
{
    /// <summary>A result from findings: blocked when there is any.</summary>
    public static LintResult From(IReadOnlyList<LintFinding> findings) => new(findings.Count > 0, findings);
}

/// <summary>The finding codes.</summary>
public static class LintCodes
{
    /// <summary>The notice echoes one of the person's own identifiers (id, application number, birth date...).</summary>
    public const string OwnIdentifier = "own-identifier";

    /// <summary>The notice echoes the person's own email or postal address.</summary>
    public const string OwnContact = "own-contact";

    /// <summary>The notice carries another person's name, email or identifier.</summary>
    public const string OtherPerson = "other-person";

    /// <summary>A required element of the pack is missing.</summary>
    public const string MissingElement = "missing-element";

    /// <summary>A required element has no known phrase, so its presence cannot be checked.</summary>
    public const string UnverifiableElement = "unverifiable-element";

    /// <summary>The notice is not in the person's official language.</summary>
    public const string WrongLanguage = "wrong-language";

    /// <summary>The English and French versions do not carry the same values.</summary>
    public const string ParityMismatch = "parity-mismatch";

    /// <summary>A notice sent to a guardian greets the person in their care instead of the guardian.</summary>
    public const string GreetsPersonInCare = "greets-person-in-care";
}
