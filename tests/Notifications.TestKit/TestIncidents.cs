using Notifications.Domain.Breach;
using Notifications.Domain.Incidents;
using Notifications.Domain.Policy;
using BreachContainment = Notifications.Domain.Breach.Containment;
using BreachRecipients = Notifications.Domain.Breach.Recipients;

namespace Notifications.TestKit;

/// <summary>Reported incidents for engine-level integration tests. The description and reporter are the personal data.</summary>
public static class TestIncidents
{
    public const string Description = "Sensitive description naming Jordan Example";

    public static BreachFacts Facts(DateTimeOffset discovered, bool physicalHarm = false) => new(
        [new PublicBodyInvolved("Ministry of Examples", CustodyOrControl.CustodyAndControl)],
        Occurrence.Unknown,
        discovered,
        null,
        BreachCause.MisdirectedEmail,
        ["name", "applicationNumber"],
        new AffectedIndividuals(40, []),
        new BreachRecipients(3, RecipientRelationship.UnrelatedIndividuals),
        new BreachContainment(ContainmentStatus.NotContained),
        physicalHarm);

    public static IncidentReported Reported(DateTimeOffset discovered, bool physicalHarm = false) => new(
        new IncidentReport("Misdirected email", Description, new ReporterContact("Pat", "pat@example.test", null), Facts(discovered, physicalHarm)),
        "hash", PolicyPacks.Default.Id, PolicyPacks.Default.Version) { EventId = "reported" };
}
