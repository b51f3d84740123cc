using Notifications.Domain.Policy;

namespace Notifications.Functions.Incidents;

/// <summary>
/// The policy pack new incidents are registered under: <c>Policy:Pack</c> (an id such as <c>bc-foippa</c>) and optionally
/// <c>Policy:PackVersion</c>; the newest embedded version by default. An incident keeps its pack for life.
/// </summary>
public sealed class PolicySelection(IConfiguration configuration)
{
    public PolicyPack Current { get; } = Select(configuration["Policy:Pack"] ?? "bc-foippa", configuration["Policy:PackVersion"]);

    private static PolicyPack Select(string id, string? version)
    {
        var candidates = PolicyPacks.All.Where(p => p.Id == id && (string.IsNullOrEmpty(version) || p.Version == version)).ToList();
        return candidates.Count == 0
            ? throw new InvalidOperationException($"Policy:Pack '{id}' {version} is not an embedded policy pack. Known: {string.Join(", ", PolicyPacks.All)}.")
            : candidates.MaxBy(p => Version.TryParse(p.Version, out var v) ? v : new Version(0, 0))!;
    }
}
