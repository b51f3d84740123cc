using Notifications.Functions.Health;
using Notifications.Functions.Incidents;
using Notifications.Functions.Reminders;
using Notifications.Functions.Workflow;

namespace Notifications.Functions.Hosting;

/// <summary>
/// Every function of the app, declared once. function.json files for the Functions host and the local runtime's
/// listeners and timers are generated from this list.
/// </summary>
public static class FunctionCatalogue
{
    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        ReportIncident.Function,
        ListIncidents.Function,
        GetIncident.Function,
        GetIncidentHistory.Function,
        CloseIncident.Function,
        GetHealth.Function,
        HandleIncidentEvent.Function,
        SendReminder.Function,
        RedriveOutbox.Function,
    ];
}
