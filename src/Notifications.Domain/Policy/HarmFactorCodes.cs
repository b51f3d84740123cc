namespace Notifications.Domain.Policy;

/// <summary>The factor codes the engine can interpret. A pack may use any subset, in any order (the order of the reasons).</summary>
public static class HarmFactorCodes
{
    /// <summary>The highest sensitivity weight among the kinds involved, times <c>perUnit</c> (default 1).</summary>
    public const string Sensitivity = "sensitivity";

    /// <summary><c>perUnit</c> points for each kind beyond <c>threshold</c> (default 1), capped at <c>max</c>.</summary>
    public const string DataElements = "dataElements";

    /// <summary>The pack's combinations (e.g. identity theft); each one found adds its own points.</summary>
    public const string Combination = "combination";

    /// <summary><c>points</c> keyed by affected-group code, summed, capped at <c>max</c>.</summary>
    public const string AffectedGroups = "affectedGroups";

    /// <summary><c>points</c> keyed by recipient relationship (camelCase).</summary>
    public const string RecipientRelationship = "recipientRelationship";

    /// <summary><c>points.unknown</c> when the count is unknown, <c>points.many</c> from <c>threshold</c> recipients.</summary>
    public const string RecipientCount = "recipientCount";

    /// <summary><c>points</c> keyed by containment status, plus <c>points.agreedToDestroyOrReturn</c>.</summary>
    public const string Containment = "containment";

    /// <summary><c>points</c> keyed by cause (camelCase), e.g. theft and cyberattack.</summary>
    public const string Cause = "cause";

    /// <summary>When physical harm is possible: the proposal is at least <c>minimumLevel</c> (required) plus any <c>points.possible</c>.</summary>
    public const string PhysicalHarm = "physicalHarm";

    /// <summary>Every code, in the engine's default order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        PhysicalHarm, Sensitivity, DataElements, Combination, AffectedGroups, RecipientRelationship, RecipientCount,
        Containment, Cause,
    ];
}
