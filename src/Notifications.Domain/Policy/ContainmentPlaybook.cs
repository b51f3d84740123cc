using Notifications.Domain.Breach;

namespace Notifications.Domain.Policy;

/// <summary>
/// The containment tasks a pack proposes: some for every breach (document it, prevent a repeat), some for one cause
/// (e.g. ask the wrong recipients of an email to delete it). Grounded in the regime's guidance on containment.
/// </summary>
/// <param name="Common">Tasks for every breach, planned after the cause's tasks.</param>
/// <param name="ByCause">Tasks per cause, keyed by the cause's camelCase name (e.g. <c>misdirectedEmail</c>).</param>
public sealed record ContainmentPlaybook(
    IReadOnlyList<ContainmentTaskTemplate> Common,
    IReadOnlyDictionary<string, IReadOnlyList<ContainmentTaskTemplate>> ByCause)
{
    /// <summary>The tasks for a cause, then the common ones, in the pack's order.</summary>
    public IReadOnlyList<ContainmentTaskTemplate> For(BreachCause cause) =>
        [.. ByCause.GetValueOrDefault(PolicyPackValidator.Camel(cause.ToString())) ?? [], .. Common];
}
