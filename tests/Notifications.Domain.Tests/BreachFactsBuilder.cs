using Notifications.Domain.Breach;

// Notifications.Domain.Containment (the containment planner) hides the Breach.Containment type inside Notifications.Domain.*.
using BreachContainment = Notifications.Domain.Breach.Containment;
using BreachRecipients = Notifications.Domain.Breach.Recipients;

namespace Notifications.Domain.Tests;

/// <summary>
/// Builds breach facts from a neutral baseline: one public body, a name only, one unrelated recipient, partly
/// contained, misdirected email, no special groups, no physical harm. Under BC FOIPPA v1 that scores 1 (low), with
/// the sensitivity reason only, so each "With" isolates one factor.
/// </summary>
public sealed class BreachFactsBuilder
{
    /// <summary>When the baseline breach was discovered.</summary>
    public static readonly DateTimeOffset Discovered = new(2024, 8, 3, 16, 0, 0, TimeSpan.Zero);

    /// <summary>When tests assess: a day after discovery.</summary>
    public static readonly DateTimeOffset Now = Discovered.AddDays(1);

    private BreachFacts _facts = new(
        PublicBodies: [new PublicBodyInvolved("Ministry of Examples", CustodyOrControl.CustodyAndControl)],
        Occurred: Occurrence.Unknown,
        Discovered: Discovered,
        Determined: null,
        Cause: BreachCause.MisdirectedEmail,
        PersonalInformation: ["name"],
        Affected: new AffectedIndividuals(1, []),
        Recipients: new BreachRecipients(1, RecipientRelationship.UnrelatedIndividuals),
        Containment: new BreachContainment(ContainmentStatus.PartiallyContained),
        PhysicalHarmPossible: false);

    /// <summary>Starts from the baseline.</summary>
    public static BreachFactsBuilder Baseline() => new();

    /// <summary>
    /// Seed 000: IRCC emailed names, application numbers and client identifiers to unrelated people, in numbers not known
    /// at first; they were asked to delete the emails (partly contained). Discovered on <paramref name="discovered"/>.
    /// </summary>
    public static BreachFactsBuilder Seed000(DateTimeOffset discovered) => Baseline()
        .WithBodies(new PublicBodyInvolved("Immigration, Refugees and Citizenship Canada", CustodyOrControl.CustodyAndControl))
        .WithOccurred(Occurrence.At(discovered.AddDays(-1)))
        .WithDiscovered(discovered)
        .WithCause(BreachCause.MisdirectedEmail)
        .WithPersonalInformation("name", "applicationNumber", "clientId")
        .WithAffected(null)
        .WithRecipientCount(null)
        .WithRelationship(RecipientRelationship.UnrelatedIndividuals)
        .WithContainment(ContainmentStatus.PartiallyContained);

    public BreachFactsBuilder WithPersonalInformation(params string[] kinds) => With(f => f with { PersonalInformation = kinds });

    public BreachFactsBuilder WithGroups(params string[] groups) => With(f => f with { Affected = f.Affected with { Groups = groups } });

    public BreachFactsBuilder WithAffected(int? estimatedCount, params JurisdictionCount[] byJurisdiction) =>
        With(f => f with { Affected = f.Affected with { EstimatedCount = estimatedCount, ByJurisdiction = byJurisdiction } });

    public BreachFactsBuilder WithRelationship(RecipientRelationship relationship) =>
        With(f => f with { Recipients = f.Recipients with { Relationship = relationship } });

    public BreachFactsBuilder WithRecipientCount(int? count) => With(f => f with { Recipients = f.Recipients with { Count = count } });

    public BreachFactsBuilder WithContainment(ContainmentStatus status, bool agreedToDestroyOrReturn = false) =>
        With(f => f with { Containment = new BreachContainment(status, agreedToDestroyOrReturn) });

    public BreachFactsBuilder WithCause(BreachCause cause) => With(f => f with { Cause = cause });

    public BreachFactsBuilder WithPhysicalHarm(bool possible = true) => With(f => f with { PhysicalHarmPossible = possible });

    public BreachFactsBuilder WithOccurred(Occurrence occurred) => With(f => f with { Occurred = occurred });

    public BreachFactsBuilder WithDiscovered(DateTimeOffset discovered) => With(f => f with { Discovered = discovered });

    public BreachFactsBuilder WithDetermined(DateTimeOffset? determined) => With(f => f with { Determined = determined });

    public BreachFactsBuilder WithBodies(params PublicBodyInvolved[] bodies) => With(f => f with { PublicBodies = bodies });

    public BreachFactsBuilder With(Func<BreachFacts, BreachFacts> change)
    {
        _facts = change(_facts);
        return this;
    }

    public BreachFacts Build() => _facts;

    public static implicit operator BreachFacts(BreachFactsBuilder builder) => builder.Build();
}
