namespace Notifications.Domain.Policy;

/// <summary>What must be kept, and for how long.</summary>
/// <param name="RegisterBelowThreshold">Incidents below the threshold are registered too, with their reasons.</param>
/// <param name="RetainDecisionsFor">How long the decisions and their evidence are kept.</param>
/// <param name="PurgeContactDataAfter">
/// How long the affected people's contact data is kept once it is no longer needed: from the time notices were complete,
/// or the incident closed without them (see <c>IncidentDecider.ContactDataDueAt</c>).
/// </param>
public sealed record RecordKeeping(bool RegisterBelowThreshold, TimeSpan RetainDecisionsFor, TimeSpan PurgeContactDataAfter);
