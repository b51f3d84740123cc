namespace Notifications.Domain.Assessment;

/// <summary>
/// One reason behind a proposal, in plain language for the officer's record and the Commissioner's report.
/// Names kinds and counts, never personal information values.
/// </summary>
/// <param name="Factor">The stable factor code (see <see cref="Policy.HarmFactorCodes"/>), or <c>urgency</c> for why notice is immediate.</param>
/// <param name="Fact">The camelCase path of the fact that triggered it (e.g. <c>recipients.relationship</c>).</param>
/// <param name="Points">What it added to (or took from) the score; 0 for rules that force a level or urgency.</param>
/// <param name="Text">The reason as a sentence.</param>
/// <param name="Rule">The pack rule within the factor, when there are several (e.g. combination <c>identityTheft</c>).</param>
public sealed record AssessmentReason(string Factor, string Fact, decimal Points, string Text, string? Rule = null);
