// The answer of every command that runs through an incident's orchestration (Incidents/WorkflowCalls.cs).
global using IncidentAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Notifications.Functions.Incidents.IncidentView>,
    Microsoft.AspNetCore.Http.HttpResults.Accepted<Notifications.Functions.Incidents.EventStatus>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Notifications.Functions.Incidents.ProblemDetailsBody>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;
