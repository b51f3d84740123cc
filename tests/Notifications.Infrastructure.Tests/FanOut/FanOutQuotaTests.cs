using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.FanOut;

/// <summary>The provider's quota, shared by every run in every process: on real Azurite.</summary>
public sealed class FanOutQuotaTests(DevServicesFixture fixture) : IAsyncDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly List<ServiceProvider> _providers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    private FanOutQuota Quota(StorageClients storage, TimeProvider time, int perMinute = 30, int perHour = 100) =>
        new(storage, Options.Create(new FanOutOptions { PerMinute = perMinute, PerHour = perHour }), time);

    private StorageClients Storage()
    {
        var provider = TestServices.Build(fixture.Services, Names.Unique("quota"));
        _providers.Add(provider);
        return provider.GetRequiredService<StorageClients>();
    }

    [Fact]
    public async Task Reserve_GrantsUpToTheMinutesQuota_ThenSaysWhenTheNextMinuteOpens()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 15, 40, TimeSpan.Zero));
        var quota = Quota(Storage(), time);

        var first = await quota.ReserveAsync(20, _ct);
        var second = await quota.ReserveAsync(20, _ct);
        var third = await quota.ReserveAsync(20, _ct);

        Assert.Equal((20, 10, 0), (first.Granted, second.Granted, third.Granted));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 16, 0, TimeSpan.Zero), third.RetryAt);
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(30, (await quota.ReserveAsync(50, _ct)).Granted);
    }

    [Fact]
    public async Task Reserve_WhenTheHourIsSpent_WaitsForTheNextHour()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 15, 0, TimeSpan.Zero));
        var quota = Quota(Storage(), time);
        for (var minute = 0; minute < 4; minute++)
        {
            await quota.ReserveAsync(30, _ct);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var spent = await quota.ReserveAsync(30, _ct);

        Assert.Equal((0, new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero)), (spent.Granted, spent.RetryAt));
        Assert.Equal((0, 100), await quota.UsedAsync(_ct));
    }

    [Fact]
    public async Task Reserve_FromManyProcessesAtOnce_NeverGrantsMoreThanTheQuota()
    {
        var storage = Storage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 15, 0, TimeSpan.Zero));
        // Each its own instance, as separate processes would have: only the table is shared.
        var grants = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Quota(storage, time, perMinute: 50, perHour: 1000).ReserveAsync(7, _ct)));

        Assert.Equal(50, grants.Sum(g => g.Granted));
        Assert.Equal((50, 50), await Quota(storage, time, perMinute: 50, perHour: 1000).UsedAsync(_ct));
    }
}
