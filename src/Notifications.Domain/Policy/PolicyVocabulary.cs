namespace Notifications.Domain.Policy;

/// <summary>The codes facts may use.</summary>
/// <param name="PersonalInformation">Kinds of personal information, each with a sensitivity weight.</param>
/// <param name="AffectedGroups">Groups of affected individuals that change the harm (e.g. <c>children</c>, <c>vulnerable</c>).</param>
public sealed record PolicyVocabulary(IReadOnlyList<VocabularyTerm> PersonalInformation, IReadOnlyList<VocabularyTerm> AffectedGroups);
