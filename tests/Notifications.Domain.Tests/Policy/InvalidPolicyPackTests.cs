using System.Text.Json.Nodes;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Tests.Policy;

/// <summary>Each row breaks the shipped BC pack in one way; loading must fail and say what is wrong and where.</summary>
public sealed class InvalidPolicyPackTests
{
    public sealed record Breakage(string Name, Action<JsonObject> Change, string ExpectedError)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Breakage> Breakages => new()
    {
        new Breakage("unknown factor", p => Factor(p, 1)["code"] = "horoscope", "unknown factor 'horoscope'"),
        new Breakage("missing French vocabulary label", p => ((JsonObject)PersonalInformation(p)[0]!["labels"]!).Remove("fr"), "fr"),
        new Breakage("empty English vocabulary label", p => PersonalInformation(p)[0]!["labels"]!["en"] = " ",
            "$.vocabulary.personalInformation[0].labels.en: required"),
        new Breakage("duplicate vocabulary code", p => PersonalInformation(p)[1]!["code"] = "name", "'name' appears more than once"),
        new Breakage("sensitivity out of range", p => PersonalInformation(p)[0]!["sensitivity"] = 11, "between 0 and 10"),
        new Breakage("unknown property", p => p["harmFactors"] = new JsonArray(), "harmFactors"),
        new Breakage("points for a value the factor does not read", p => Factor(p, 5)["points"]!["friendly"] = 1,
            "$.harm.factors[5].points.friendly: not a value"),
        new Breakage("affected-group points for an unknown group", p => Factor(p, 4)["points"]!["pets"] = 1, "points.pets"),
        new Breakage("combination with an unknown kind", p => Harm(p)["combinations"]![0]!["allOf"]!.AsArray().Add("dna"),
            "'dna' is not in the personal-information vocabulary"),
        new Breakage("combination of one kind", p => Harm(p)["combinations"]![1]!["anyOf"] = new JsonArray(), "at least two kinds"),
        new Breakage("duplicate factor", p => Harm(p)["factors"]!.AsArray().Add(Factor(p, 1).DeepClone()), "'sensitivity' appears more than once"),
        new Breakage("missing level", p => Harm(p)["levels"]!.AsArray().RemoveAt(3), "level 'critical' must appear exactly once"),
        new Breakage("levels not rising", p => Harm(p)["levels"]![2]!["minScore"] = 1, "must rise strictly"),
        new Breakage("physical harm without a minimum level", p => Factor(p, 0).Remove("minimumLevel"), "minimumLevel"),
        new Breakage("many recipients without a threshold", p => Factor(p, 6).Remove("threshold"), "$.harm.factors[6].threshold"),
        new Breakage("unknown level name", p => Harm(p)["significantFrom"] = "severe", "$.harm.significantFrom: 'severe' is not one of: low, medium, high, critical."),
        new Breakage("unknown clock trigger", p => p["deadlines"]![0]!["clock"] = "whenever", "$.deadlines[0].clock"),
        new Breakage("duration not ISO 8601", p => p["deadlines"]![0]!["within"] = "7 days", "ISO 8601"),
        new Breakage("no deadlines", p => p["deadlines"] = new JsonArray(), "at least one notification duty"),
        new Breakage("negative reminder offset", p => p["reminders"]!["before"]![0] = "-P1D", "offsets must be positive"),
        new Breakage("notice element without an audience", p => p["noticeElements"]![0]!["audiences"] = new JsonArray(), "at least one audience"),
        new Breakage("missing required section", p => p.Remove("records"), "records"),
        new Breakage("missing id", p => p["id"] = "", "$.id: required"),
        new Breakage("null list entry", p => Harm(p)["factors"]!.AsArray().Add(null), "null"),
        new Breakage("unknown indirect-notice group", p => p["indirectNotice"]![0]!["group"] = "vibes", "$.indirectNotice[0].group"),
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Parse_BrokenPack_IsRejectedWithAClearError(Breakage row)
    {
        var error = Assert.Throws<PolicyPackException>(() => TestPacks.ParseChanged(TestPacks.BcFoippaJson, row.Change));

        Assert.Contains(error.Errors, e => e.Contains(row.ExpectedError, StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine(error.Message);
    }

    private static JsonObject Harm(JsonObject pack) => pack["harm"]!.AsObject();

    private static JsonObject Factor(JsonObject pack, int index) => Harm(pack)["factors"]![index]!.AsObject();

    private static JsonArray PersonalInformation(JsonObject pack) => pack["vocabulary"]!["personalInformation"]!.AsArray();
}
