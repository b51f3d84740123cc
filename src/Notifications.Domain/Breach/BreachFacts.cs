using Notifications.Domain.Policy;

namespace Notifications.Domain.Breach;

/// <summary>
/// What intake knows about a breach: the input to the harm assessment. Occurred, discovered and determined are kept
/// apart because regimes start their clocks at different moments. Contains kinds of information, never the information.
/// </summary>
/// <param name="PublicBodies">Every public body with custody or control of the information (at least one).</param>
/// <param name="Occurred">When the breach occurred: a date, a period, or unknown.</param>
/// <param name="Discovered">When the body discovered (became aware of) the breach.</param>
/// <param name="Determined">When the body determined it was a breach; null until then.</param>
/// <param name="Cause">How it happened.</param>
/// <param name="PersonalInformation">Kinds of personal information, as codes from the pack's vocabulary (e.g. <c>name</c>, <c>birthDate</c>).</param>
/// <param name="Affected">Who is affected and how many.</param>
/// <param name="Recipients">Who received the information.</param>
/// <param name="Containment">What is known about containment.</param>
/// <param name="PhysicalHarmPossible">The breach could result in physical harm to someone (forces significant and immediate).</param>
public sealed record BreachFacts(
    IReadOnlyList<PublicBodyInvolved> PublicBodies,
    Occurrence Occurred,
    DateTimeOffset Discovered,
    DateTimeOffset? Determined,
    BreachCause Cause,
    IReadOnlyList<string> PersonalInformation,
    AffectedIndividuals Affected,
    Recipients Recipients,
    Containment Containment,
    bool PhysicalHarmPossible)
{
    /// <summary>
    /// Checks the facts for consistency and, when a pack is given, against its vocabulary. Returns field-keyed errors
    /// (camelCase JSON paths such as <c>recipients.relationship</c> or <c>personalInformation[2]</c>); empty when valid.
    /// </summary>
    /// <param name="now">The current time; no time may lie after it.</param>
    /// <param name="pack">The policy pack whose vocabulary the codes must come from, if known.</param>
    public IReadOnlyDictionary<string, string[]> Validate(DateTimeOffset now, PolicyPack? pack = null) =>
        BreachFactsValidator.Validate(this, now, pack);
}
