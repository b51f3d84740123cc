namespace Notifications.Domain.Policy;

/// <summary>The four groups that indirect or substitute notice triggers fall into across regimes.</summary>
public enum IndirectNoticeGroup
{
    /// <summary>No usable contact information.</summary>
    NoContact,

    /// <summary>Direct notice would cause harm or hardship (BC: unreasonable interference with operations).</summary>
    HarmOrHardship,

    /// <summary>Indirect notice reaches people faster.</summary>
    Speed,

    /// <summary>Scale or cost (GDPR disproportionate effort; US headcount and cost caps).</summary>
    ScaleOrCost,
}
