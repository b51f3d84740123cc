namespace Notifications.Domain.Policy;

/// <summary>One term of a pack's vocabulary: a kind of personal information or a group of affected individuals.</summary>
/// <param name="Code">Stable camelCase code used in facts (e.g. <c>birthDate</c>).</param>
/// <param name="Labels">How a notice names the kind, never the value (e.g. "birth date" / "date de naissance").</param>
/// <param name="Sensitivity">Sensitivity weight from 0 (public) to 10; groups may leave it 0.</param>
public sealed record VocabularyTerm(string Code, LocalizedText Labels, decimal Sensitivity = 0);
