using System.Text.Json.Nodes;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Tests.Policy;

/// <summary>Each row breaks the shipped BC pack's containment playbook in one way; loading must fail and say where.</summary>
public sealed class InvalidContainmentPlaybookTests
{
    public sealed record Breakage(string Name, Action<JsonObject> Change, string ExpectedError)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Breakage> Breakages => new()
    {
        new Breakage("unknown kind", p => Task(p, "misdirectedEmail", 1)["kind"] = "prayer",
            "'prayer' is not one of: manual, deletionConfirmation."),
        new Breakage("missing French title", p => ((JsonObject)Task(p, "loss", 0)["title"]!).Remove("fr"), "fr"),
        new Breakage("blank French title", p => Task(p, "loss", 0)["title"]!["fr"] = " ", "$.containment.byCause.loss[0].title.fr: required"),
        new Breakage("duration not ISO 8601", p => Task(p, "theft", 0)["due"] = "4 hours", "ISO 8601"),
        new Breakage("zero duration", p => Task(p, "theft", 0)["due"] = "PT0S", "$.containment.byCause.theft[0].due: must be a positive"),
        new Breakage("negative duration", p => Common(p)[0]!["due"] = "-PT4H", "$.containment.common[0].due: must be a positive"),
        new Breakage("missing owner", p => Task(p, "cyberattack", 0)["ownerRole"] = "", "$.containment.byCause.cyberattack[0].ownerRole: required"),
        new Breakage("unknown cause", p => ByCause(p)["sabotage"] = new JsonArray(), "$.containment.byCause.sabotage: unknown cause"),
        new Breakage("duplicate code in a cause", p => Task(p, "theft", 1)["code"] = "disableDevice", "'disableDevice' appears more than once"),
        new Breakage("cause code clashes with a common one", p => Task(p, "other", 0)["code"] = "documentBreach", "'documentBreach' is also a common task"),
        new Breakage("two deletion confirmations", p => Task(p, "misdirectedEmail", 1)["kind"] = "deletionConfirmation",
            "at most one deletionConfirmation"),
        new Breakage("unknown property", p => Common(p)[0]!["assignee"] = "Bob", "assignee"),
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Parse_BrokenPlaybook_IsRejectedWithAClearError(Breakage row)
    {
        var error = Assert.Throws<PolicyPackException>(() => TestPacks.ParseChanged(TestPacks.BcFoippaJson, row.Change));

        Assert.Contains(error.Errors, e => e.Contains(row.ExpectedError, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PackWithoutPlaybook_IsValid()
    {
        var pack = TestPacks.ParseChanged(TestPacks.BcFoippaJson, p => p.Remove("containment"));

        Assert.Null(pack.Containment);
    }

    private static JsonObject Playbook(JsonObject pack) => pack["containment"]!.AsObject();

    private static JsonArray Common(JsonObject pack) => Playbook(pack)["common"]!.AsArray();

    private static JsonObject ByCause(JsonObject pack) => Playbook(pack)["byCause"]!.AsObject();

    private static JsonObject Task(JsonObject pack, string cause, int index) => ByCause(pack)[cause]![index]!.AsObject();
}
