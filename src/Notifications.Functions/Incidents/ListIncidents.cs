using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Assessment;
using Notifications.Domain.Incidents;
using Notifications.Functions.Access;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Incidents;

/// <summary>
/// <c>GET /api/incidents</c>: the register of every incident, including those closed below the threshold, newest first.
/// Filters: <c>status</c>, <c>publicBody</c>, <c>reportedFrom</c>, <c>reportedTo</c> (ISO 8601), <c>limit</c> (1–<see cref="MaxLimit"/>,
/// the default: the dashboard's register shows every incident, sorted by deadline, so it must get them all).
/// </summary>
public sealed class ListIncidents(IncidentStore store)
{
    [Function(nameof(ListIncidents))]
    [Authorize(Policies.Read)]
    public Task<Results<Ok<List<Entry>>, ValidationProblem>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents")] HttpRequest request, CancellationToken ct) =>
        Handle(request, store, ct);

    /// <summary>The most rows one answer holds, and the default; far above a privacy office's incidents over the retention period.</summary>
    public const int MaxLimit = 5000;

    /// <summary>One row of the register; <c>Title</c>, <c>Discovered</c> and <c>AwaitingDecision</c> let the dashboard search and say what is next.</summary>
    public sealed record Entry(string Id, IncidentStatus Status, string? PublicBody, DateTimeOffset? ReportedAt, DateTimeOffset? Deadline, Urgency Urgency, string? ClosedReason)
    {
        public string? Title { get; init; }

        public DateTimeOffset? Discovered { get; init; }

        public bool AwaitingDecision { get; init; }
    }

    public static async Task<Results<Ok<List<Entry>>, ValidationProblem>> Handle(HttpRequest request, IncidentStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var q = request.Query;
        IncidentStatus? status = null;
        if (q.TryGetValue("status", out var s) && (!Enum.TryParse<IncidentStatus>(s, ignoreCase: true, out var parsed) || parsed == IncidentStatus.None))
        {
            errors["status"] = [$"Use one of: {string.Join(", ", Enum.GetNames<IncidentStatus>().Skip(1))}."];
        }
        else if (q.ContainsKey("status"))
        {
            status = Enum.Parse<IncidentStatus>(s!, ignoreCase: true);
        }

        var from = Date(q, "reportedFrom", errors);
        var to = Date(q, "reportedTo", errors);
        var limit = MaxLimit;
        if (q.TryGetValue("limit", out var l) && (!int.TryParse(l, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"Use a whole number from 1 to {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The register filter is not valid.");
        }

        var publicBody = q.TryGetValue("publicBody", out var b) ? b.ToString() : null;
        var rows = await store.RegisterAsync(new RegisterFilter(status, publicBody, from, to, limit), ct);
        return TypedResults.Ok(rows.Select(x => new Entry(x.IncidentId, x.Status, x.PublicBody, x.ReportedAt, x.Deadline, x.Urgency, x.ClosedReason)
        {
            Title = x.Title,
            Discovered = x.Discovered,
            AwaitingDecision = x.AwaitingDecision,
        }).ToList());
    }

    private static DateTimeOffset? Date(IQueryCollection q, string name, Dictionary<string, string[]> errors)
    {
        if (!q.TryGetValue(name, out var value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        errors[name] = ["Use an ISO 8601 date or time."];
        return null;
    }
}
