using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Functions.Tests.Incidents;

/// <summary>Breach report bodies for API tests. The title, description and reporter are the personal data to watch for.</summary>
public static class IncidentRequests
{
    public const string Description = "Spreadsheet of 40 clients with application numbers emailed to a vendor by mistake";
    public const string ReporterName = "Riley Reporter-Quill";
    public const string ReporterEmail = "riley.quill@example.test";
    public const string ReporterPhone = "250-555-0199";

    /// <summary>A misdirected email of names, application numbers and client ids to unrelated people (seed 000's shape).</summary>
    public static JsonObject Valid(bool physicalHarm = false, string title = "Misdirected spreadsheet", string containment = "notContained") => new()
    {
        ["title"] = title,
        ["description"] = Description,
        ["reporter"] = new JsonObject { ["name"] = ReporterName, ["email"] = ReporterEmail, ["phone"] = ReporterPhone },
        ["publicBodies"] = new JsonArray(new JsonObject { ["name"] = "Ministry of Examples", ["holds"] = "custodyAndControl" }),
        ["occurred"] = new JsonObject { ["kind"] = "date", ["on"] = DateTimeOffset.UtcNow.AddDays(-3) },
        ["discovered"] = DateTimeOffset.UtcNow.AddDays(-1),
        ["cause"] = "misdirectedEmail",
        ["personalInformation"] = new JsonArray("name", "applicationNumber", "clientId"),
        ["affected"] = new JsonObject { ["estimatedCount"] = 40, ["groups"] = new JsonArray() },
        ["recipients"] = new JsonObject { ["count"] = 12, ["relationship"] = "unrelatedIndividuals" },
        ["containment"] = new JsonObject { ["status"] = containment, ["recipientsAgreedToDestroyOrReturn"] = false },
        ["physicalHarmPossible"] = physicalHarm,
    };

    /// <summary>A valid body with one change: a field replaced, or removed when <paramref name="value"/> is null.</summary>
    public static string With(string field, JsonNode? value)
    {
        var body = Valid();
        if (value is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = value;
        }

        return body.ToJsonString();
    }

    /// <summary>Reports a valid incident (or <paramref name="body"/>) and returns its id; fails unless it was created.</summary>
    public static async Task<string> CreateIncidentAsync(this HttpClient officer, CancellationToken ct, JsonObject? body = null)
    {
        var response = await officer.PostAsJsonAsync("/api/incidents", body ?? Valid(), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
    }

    /// <summary>Reports a valid incident, runs its assessment and confirms significant harm: it is notifying.</summary>
    public static async Task<string> CreateNotifyingIncidentAsync(this HttpClient officer, IServiceProvider services, CancellationToken ct)
    {
        var id = await officer.CreateIncidentAsync(ct);
        await officer.WaitForAsync(id, "assessment-proposed", ct);
        (await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new { decision = "confirm" }, ct)).EnsureSuccessStatusCode();
        return id;
    }
}
