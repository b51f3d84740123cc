namespace Notifications.Domain.Policy;

/// <summary>
/// One weighted factor of the harm model. The engine knows how to read each factor code (see <see cref="HarmFactorCodes"/>);
/// the pack gives the weights. Which parameters a factor uses is documented on its code.
/// </summary>
/// <param name="Code">A code from <see cref="HarmFactorCodes"/>.</param>
/// <param name="Label">The plain-language name that opens each reason (e.g. "Relationship of the recipient").</param>
/// <param name="Points">Points per fact value (e.g. <c>adverseOrHostile: 3</c>); values not listed score 0.</param>
/// <param name="PerUnit">A multiplier or points per unit, for factors that count.</param>
/// <param name="Threshold">A count from which the factor applies, for factors that count.</param>
/// <param name="Max">A cap on the points the factor can add.</param>
/// <param name="MinimumLevel">A level the factor forces when it applies (e.g. physical harm ⇒ critical).</param>
public sealed record HarmFactor(
    string Code,
    string Label,
    IReadOnlyDictionary<string, decimal>? Points = null,
    decimal? PerUnit = null,
    int? Threshold = null,
    decimal? Max = null,
    HarmLevel? MinimumLevel = null)
{
    /// <summary>The points for a fact value, 0 when the pack does not list it.</summary>
    public decimal PointsFor(string key) => Points is not null && Points.TryGetValue(key, out var points) ? points : 0m;
}
