namespace Notifications.Domain.Incidents;

public sealed partial class IncidentDecider
{
    /// <summary>Why contact data cannot be purged yet.</summary>
    public const string ContactDataStillNeeded =
        "The contact data is still needed: the notices are not complete and the incident is not closed.";

    /// <summary>Why nothing that needs contact data runs once it was purged.</summary>
    public const string ContactDataWasPurged =
        "The affected people's contact data was purged after the retention period; nothing that needs it can run.";

    /// <summary>
    /// The retention clock of the affected people's contact data: it starts when the data stopped being needed, that is
    /// when the notices were complete or, for an incident closed without them, when it closed, and runs for the
    /// pack's <c>records.purgeContactDataAfter</c>. Null while the data is still needed.
    /// </summary>
    public static DateTimeOffset? ContactDataDueAt(IncidentState state) =>
        (state.NoticesCompletedAt ?? state.ClosedAt) is { } stoppedBeingNeeded
            ? stoppedBeingNeeded + PackOf(state).Records.PurgeContactDataAfter
            : null;

    /// <summary>
    /// Records the purge (the rows were stripped before this event is decided) once; a second purge changes nothing.
    /// The recorded due time is always the retention clock's, whoever asked.
    /// </summary>
    private static void PurgeContactData(DecisionBuilder d, ContactDataPurged p)
    {
        if (d.State.ContactDataPurgedAt is not null)
        {
            return;
        }

        var due = ContactDataDueAt(d.State);
        Require(due is not null, ContactDataStillNeeded);
        d.Add(p with { DueAt = due!.Value });
    }
}
