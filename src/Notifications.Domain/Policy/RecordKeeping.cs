namespace Notifications.Domain.Policy;

/// <summary>What must be kept, and for how long.</summary>
/// <param name="RegisterBelowThreshold">Incidents below the threshold are registered too, with their reasons.</param>
/// <param name="RetainDecisionsFor">How long the decisions and their evidence are kept.</param>
/// <param name="PurgeContactDataAfter">How long after closing an incident its contact data is purged.</param>
public sealed record RecordKeeping(bool RegisterBelowThreshold, TimeSpan RetainDecisionsFor, TimeSpan PurgeContactDataAfter);
