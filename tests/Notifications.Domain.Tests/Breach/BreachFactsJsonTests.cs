using System.Text.Json;
using System.Text.Json.Serialization;
using Notifications.Domain.Breach;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Tests.Breach;

/// <summary>The facts bind from the JSON an intake endpoint would receive, and validation paths match its shape.</summary>
public sealed class BreachFactsJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private const string Intake = """
        {
          "publicBodies": [ { "name": "Ministry of Examples", "holds": "custodyAndControl" } ],
          "occurred": { "kind": "period", "from": "2024-08-01T00:00:00Z", "to": "2024-08-02T00:00:00Z" },
          "discovered": "2024-08-03T16:00:00Z",
          "determined": null,
          "cause": "misdirectedEmail",
          "personalInformation": [ "name", "applicationNumber", "clientId" ],
          "affected": { "estimatedCount": 1200, "groups": [] },
          "recipients": { "count": null, "relationship": "unrelatedIndividuals" },
          "containment": { "status": "partiallyContained", "recipientsAgreedToDestroyOrReturn": false },
          "physicalHarmPossible": false
        }
        """;

    [Fact]
    public void Deserialize_IntakeJson_BindsAndIsValid()
    {
        var facts = JsonSerializer.Deserialize<BreachFacts>(Intake, Web)!;

        Assert.Equal((OccurrenceKind.Period, RecipientRelationship.UnrelatedIndividuals), (facts.Occurred.Kind, facts.Recipients.Relationship));
        Assert.Null(facts.Recipients.Count);
        Assert.Empty(facts.Validate(BreachFactsBuilder.Now, PolicyPacks.BcFoippaV1));
    }

    [Fact]
    public void Validate_PathsMatchTheJsonShape()
    {
        var json = Intake.Replace("\"count\": null", "\"count\": -1").Replace("\"clientId\"", "\"shoeSize\"");
        var facts = JsonSerializer.Deserialize<BreachFacts>(json, Web)!;

        var errors = facts.Validate(BreachFactsBuilder.Now, PolicyPacks.BcFoippaV1);

        Assert.Equal(["personalInformation[2]", "recipients.count"], errors.Keys);
    }
}
