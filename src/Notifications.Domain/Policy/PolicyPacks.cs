namespace Notifications.Domain.Policy;

/// <summary>The packs that ship with the product. Loaded once and cached; they are immutable.</summary>
public static class PolicyPacks
{
    private static readonly Lazy<IReadOnlyList<PolicyPack>> Embedded =
        new(() => PolicyPackLoader.EmbeddedPackNames.Select(PolicyPackLoader.LoadEmbedded).ToArray());

    /// <summary>BC FOIPPA s.36.3, the default pack.</summary>
    public static PolicyPack BcFoippaV1 => Get("bc-foippa", "1.0.0");

    /// <summary>The pack new incidents use unless configured otherwise.</summary>
    public static PolicyPack Default => BcFoippaV1;

    /// <summary>Every embedded pack.</summary>
    public static IReadOnlyList<PolicyPack> All => Embedded.Value;

    /// <summary>The embedded pack with this id and version, e.g. to re-read the rules a recorded decision used.</summary>
    /// <exception cref="KeyNotFoundException">No embedded pack has that id and version.</exception>
    public static PolicyPack Get(string id, string version) =>
        Embedded.Value.FirstOrDefault(p => p.Id == id && p.Version == version)
        ?? throw new KeyNotFoundException($"No embedded policy pack '{id}' version '{version}'.");
}
