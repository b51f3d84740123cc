using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Access;
using Notifications.Functions.Tests.Hosting;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>
/// A deployment must not break the incidents already running (ADR 0010, versioning): an incident whose orchestration
/// started and ran under version 1 (the local runtime started with <c>defaultVersion</c> 1) is taken up by the next
/// deployment (host.json's version 2, whose orchestration calls an activity version 1 never called). Its history
/// replays on the old path, and it goes on deciding: the amended facts are assessed again. A new incident starts as
/// version 2.
/// </summary>
public sealed class VersioningTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task IncidentRunningUnderVersion1_ReplaysAfterTheVersion2Deployment_AndGoesOnDeciding()
    {
        var prefix = Names.Unique("vers");
        var process = await AppProcess.StartAsync(fixture.Services, prefix, _ct, new Dictionary<string, string?> { ["Hosting__Durable__DefaultVersion"] = "1" });
        string id;
        try
        {
            var officer = process.ClientAs(Roles.PrivacyOfficer);
            id = await Incidents.IncidentRequests.CreateIncidentAsync(officer, _ct);
            await Incidents.IncidentHistory.WaitForAsync(officer, id, "assessment-proposed", _ct);
            (await officer.PostAsJsonAsync($"/api/incidents/{id}/assessment/decision", new { decision = "confirm" }, _ct)).EnsureSuccessStatusCode();
            await Incidents.IncidentHistory.WaitForAsync(officer, id, "significant-harm-decided", _ct);
            await Eventually.HoldsAsync(async () => Version(await InstanceAsync(process, id)) is not null, "The incident never reported its version.", TimeSpan.FromMinutes(2));
            Assert.Equal("1", Version(await InstanceAsync(process, id)));
        }
        finally
        {
            await process.DisposeAsync();
        }

        // The next deployment: same storage and task hub, host.json's defaultVersion.
        process = await AppProcess.StartAsync(fixture.Services, prefix, _ct);
        try
        {
            var officer = process.ClientAs(Roles.PrivacyOfficer);
            using var amend = new HttpRequestMessage(HttpMethod.Patch, $"/api/incidents/{id}")
            {
                Content = JsonContent.Create(new { recipients = new { count = 3 }, reason = "Three recipients, not one." }),
            };
            (await officer.SendAsync(amend, _ct)).EnsureSuccessStatusCode();
            await Incidents.IncidentHistory.WaitForAsync(officer, id, "facts-amended", _ct);
            await Eventually.HoldsAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/history", _ct))
                .EnumerateArray().Count(e => e.GetProperty("type").GetString() == "assessment-proposed") == 2, "The amended facts were never assessed again.", TimeSpan.FromMinutes(2));

            var old = await InstanceAsync(process, id);
            Assert.Equal("Running", old.GetProperty("runtimeStatus").GetString());
            Assert.Equal("1", Version(old));

            var fresh = await Incidents.IncidentRequests.CreateIncidentAsync(officer, _ct);
            await Incidents.IncidentHistory.WaitForAsync(officer, fresh, "assessment-proposed", _ct);
            // The custom status is written when the orchestration's episode ends, after the history row.
            await Eventually.HoldsAsync(async () => Version(await InstanceAsync(process, fresh)) is not null, "The new incident never reported its version.", TimeSpan.FromMinutes(2));
            Assert.Equal("2", Version(await InstanceAsync(process, fresh)));
        }
        finally
        {
            await process.DisposeAsync();
        }
    }

    private async Task<JsonElement> InstanceAsync(AppProcess process, string id)
    {
        using var auditor = process.ClientAs(Roles.Auditor);
        var status = await auditor.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/orchestration", _ct);
        return status.GetProperty("incident");
    }

    /// <summary>The version the orchestration reports in its custom status; null before it wrote one.</summary>
    private static string? Version(JsonElement instance)
    {
        if (instance.GetProperty("customStatus").GetString() is not { Length: > 0 } json)
        {
            return null;
        }

        using var custom = JsonDocument.Parse(json);
        return custom.RootElement.ValueKind != JsonValueKind.Object ? null
            : custom.RootElement.EnumerateObject().SingleOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
    }


}
