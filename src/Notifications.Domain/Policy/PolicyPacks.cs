namespace Notifications.Domain.Policy;

/// <summary>The packs that ship with the product. Loaded once and cached; they are immutable.</summary>
public static class PolicyPacks
{
    private static readonly Lazy<PolicyPack> BcFoippa = new(() => PolicyPackLoader.LoadEmbedded("bc-foippa.v1"));

    /// <summary>BC FOIPPA s.36.3, the default pack.</summary>
    public static PolicyPack BcFoippaV1 => BcFoippa.Value;

    /// <summary>The pack new incidents use unless configured otherwise.</summary>
    public static PolicyPack Default => BcFoippaV1;
}
