using Microsoft.AspNetCore.Mvc;
using Notifications.Functions.Access;
using Notifications.Functions.Hosting;

namespace Notifications.Functions.Incidents;

public static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        app.MapHttpFunction(ReportIncident.Function, ReportIncident.Handle).RequireAuthorization(Policies.Officer);
        app.MapHttpFunction(ListIncidents.Function, ListIncidents.Handle).RequireAuthorization(Policies.Read);
        app.MapHttpFunction(GetIncident.Function, GetIncident.Handle).RequireAuthorization(Policies.Read);
        app.MapHttpFunction(GetIncidentHistory.Function, GetIncidentHistory.Handle).RequireAuthorization(Policies.Read);
        app.MapHttpFunction(AmendFacts.Function, AmendFacts.Handle).RequireAuthorization(Policies.Officer);
        app.MapHttpFunction(CloseIncident.Function, CloseIncident.Handle).RequireAuthorization(Policies.Officer);
        app.MapHttpFunction(Assessment.DecideAssessment.Function, Assessment.DecideAssessment.Handle).RequireAuthorization(Policies.Officer);
        app.MapHttpFunction(Notices.CompleteNotices.Function, Notices.CompleteNotices.Handle).RequireAuthorization(Policies.Officer);
        app.MapHttpFunction(Recipients.ImportRecipients.Function, Recipients.ImportRecipients.Handle).RequireAuthorization(Policies.Officer)
            .WithMetadata(new RequestSizeLimitAttribute(Recipients.ImportRecipients.MaxBytes));
        app.MapHttpFunction(Recipients.PurgeContactData.EarlyFunction, Recipients.PurgeContactData.Early).RequireAuthorization(Policies.Officer);
        return app;
    }
}
