using Xunit;

namespace Notifications.TestKit;

/// <summary>
/// One set of real services per test assembly (<c>[assembly: AssemblyFixture(typeof(DevServicesFixture))]</c>).
/// Tests isolate themselves with unique table and queue names.
/// </summary>
public sealed class DevServicesFixture : IAsyncLifetime
{
    private DevServices? _services;

    public DevServices Services => _services ?? throw new InvalidOperationException("Dev services are not started.");

    public async ValueTask InitializeAsync() => _services = await DevServices.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
