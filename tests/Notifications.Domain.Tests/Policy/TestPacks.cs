using System.Text.Json.Nodes;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Tests.Policy;

/// <summary>Test-only packs and a way to derive broken variants of the shipped one.</summary>
public static class TestPacks
{
    private static readonly string PacksDirectory = Path.Combine(AppContext.BaseDirectory, "Policy", "Packs");

    /// <summary>The GDPR-like test pack's JSON.</summary>
    public static string GdprLikeJson => File.ReadAllText(Path.Combine(PacksDirectory, "gdpr-like.test.json"));

    /// <summary>The GDPR-like test pack, loaded by the production loader.</summary>
    public static PolicyPack GdprLike => PolicyPackLoader.Parse(GdprLikeJson, "gdpr-like.test");

    /// <summary>The shipped BC pack's JSON, read from the library's embedded resource.</summary>
    public static string BcFoippaJson
    {
        get
        {
            using var stream = typeof(PolicyPack).Assembly.GetManifestResourceStream("Notifications.Domain.Policy.Packs.bc-foippa.v1.json")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Parses a pack after changing its JSON.</summary>
    public static PolicyPack ParseChanged(string json, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        change(node);
        return PolicyPackLoader.Parse(node.ToJsonString(), "changed");
    }
}
