namespace Notifications.Infrastructure.Notices;

/// <summary>Something that stops a template set from being approved.</summary>
/// <param name="Code">One of <see cref="TemplateProblemCodes"/>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Language">"en" or "fr", when the problem is in one language.</param>
/// <param name="Part">"subject" or "body", when the problem is in one template.</param>
/// <param name="Line">1-based line of a Liquid error, when known.</param>
/// <param name="Column">1-based column of a Liquid error, when known.</param>
/// <param name="Element">The pack element concerned, if any.</param>
public sealed record TemplateProblem(
    string Code,
    string Message,
    string? Language = null,
    string? Part = null,
    int? Line = null,
    int? Column = null,
    string? Element = null);

/// <summary>The problem codes.</summary>
public static class TemplateProblemCodes
{
    /// <summary>The template is not valid Liquid.</summary>
    public const string InvalidLiquid = "invalid-liquid";

    /// <summary>The template reads a variable that is not in the notice model.</summary>
    public const string UnknownVariable = "unknown-variable";

    /// <summary>The template renders but fails on the sample model.</summary>
    public const string RenderFailed = "render-failed";

    /// <summary>A required element's phrase is missing from the rendered sample.</summary>
    public const string MissingElement = "missing-element";

    /// <summary>A required element's phrase is unknown, so it cannot be checked.</summary>
    public const string UnverifiableElement = "unverifiable-element";

    /// <summary>A model value an element needs (a public body, a kind of information, a step, a contact detail) is not rendered.</summary>
    public const string MissingValue = "missing-value";

    /// <summary>The English and French samples do not carry the same values.</summary>
    public const string ParityMismatch = "parity-mismatch";

    /// <summary>The rendered subject is empty.</summary>
    public const string EmptySubject = "empty-subject";

    /// <summary>A notice to a guardian greets the person in their care, or does not greet the guardian by the name the file gives.</summary>
    public const string GuardianVariant = "guardian-variant";
}
