namespace Notifications.Domain.Policy;

/// <summary>
/// Data elements that together paint a fuller picture than each alone (e.g. name, birth date, home address and
/// financial information enable identity theft). Applies when every <paramref name="AllOf"/> kind and, if any are
/// listed, at least one <paramref name="AnyOf"/> kind is involved.
/// </summary>
/// <param name="Code">Stable code (e.g. <c>identityTheft</c>).</param>
/// <param name="AllOf">Kinds that must all be involved.</param>
/// <param name="AnyOf">Kinds of which at least one must be involved; empty or null for none.</param>
/// <param name="Points">Points the combination adds.</param>
/// <param name="Consequence">The plain-language end of the reason, e.g. "enable identity theft".</param>
public sealed record Combination(
    string Code,
    IReadOnlyList<string> AllOf,
    IReadOnlyList<string>? AnyOf,
    decimal Points,
    string Consequence);
