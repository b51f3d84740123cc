using Microsoft.Extensions.DependencyInjection;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.Incidents;

/// <summary>
/// One app for a class of tests whose every request is refused: whatever the test, the app must still hold no incident
/// row and no orchestration afterwards (<see cref="StoredAsync"/>).
/// </summary>
public sealed class RefusingApp(DevServicesFixture fixture) : IAsyncLifetime
{
    public AppFactory App { get; } = new(fixture.Services);

    public ValueTask InitializeAsync()
    {
        _ = App.Server; // starts the host
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>The incident rows and orchestrations of the app: both zero while every request was refused.</summary>
    public async Task<(int Rows, int Orchestrations)> StoredAsync()
    {
        var table = await App.Services.GetRequiredService<StorageClients>().TableAsync(StorageNames.IncidentsTable);
        var rows = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows++;
        }

        var orchestrations = 0;
        await foreach (var _ in App.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>().GetAllInstancesAsync())
        {
            orchestrations++;
        }

        return (rows, orchestrations);
    }
}
