using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;
using Notifications.TestKit.FanOut;

namespace Notifications.Infrastructure.Tests.FanOut;

/// <summary>The fan-out on real Azurite and maildev, in tables and a queue of its own, people at a domain of its own.</summary>
internal sealed class FanOutHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public FanOutHarness(DevServicesFixture fixture, string stem, Dictionary<string, string?>? fanOut = null,
        Func<IServiceProvider, IEmailSender>? sender = null, bool simulate = false, TimeProvider? time = null)
    {
        Domain = Names.Unique(stem) + ".test";
        var settings = new Dictionary<string, string?>
        {
            ["FanOut:PerMinute"] = "1000000000",
            ["FanOut:PerHour"] = "2000000000",
            ["FanOut:MaxConcurrency"] = "4",
            ["FanOut:CanarySize"] = "100",
            ["FanOut:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in fanOut ?? [])
        {
            settings["FanOut:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = TestServices.Build(fixture.Services, Names.Unique(stem), s =>
        {
            s.AddFanOut(configuration);
            s.AddSingleton<INoticeSource>(Notices);
            if (time is not null)
            {
                s.AddSingleton(time);
            }
            if (simulate)
            {
                s.Configure<MailOptions>(o => o.Simulate = true);
            }

            if (sender is not null)
            {
                s.AddSingleton(sender);
            }
        });
        Mail = fixture.Services.Mail;
        SmtpPort = fixture.Services.SmtpPort;
    }

    public string Domain { get; }

    public Maildev Mail { get; }

    public int SmtpPort { get; }

    public GreetingNoticeSource Notices { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public FanOutPlanner Planner => Get<FanOutPlanner>();

    public NotificationBatchSender Sender => Get<NotificationBatchSender>();

    public FanOutProgress Progress => Get<FanOutProgress>();

    public FanOutControl Control => Get<FanOutControl>();

    public async Task ImportAsync(string incidentId, int people, CancellationToken ct)
    {
        var result = await Get<RecipientImporter>().ImportAsync(incidentId, FanOutCsv.Stream(people, Domain), null, ct);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    public sealed record Outcome(IReadOnlyList<BatchResult> Results, int Failures);

    /// <summary>
    /// Plays the run orchestration's sending once over this harness's runs: every released batch that is not complete
    /// is sent, a few at once; one that throws is called again (as Durable retries an activity), at most
    /// <paramref name="maxAttempts"/> times. Halted and quota-limited batches are returned as they are, not called again.
    /// </summary>
    public async Task<Outcome> DrainAsync(CancellationToken ct, int parallelism = 4,
        Func<BatchMessage, CancellationToken, Task<BatchResult>>? handle = null, int maxAttempts = 5)
    {
        handle ??= Sender.SendBatchAsync;
        var table = await Get<StorageClients>().TableAsync(FanOutKeys.Table);
        var batches = new List<BatchMessage>();
        await foreach (var control in table.QueryAsync<TableEntity>(e => e.RowKey == FanOutKeys.ControlRow, cancellationToken: ct))
        {
            var run = (await Planner.GetRunAsync(control.GetString("IncidentId"), ct))!;
            batches.AddRange((await Planner.UnfinishedAsync(run, ct)).Select(n => FanOutPlanner.Batch(run, n)));
        }

        var results = new System.Collections.Concurrent.ConcurrentBag<BatchResult>();
        var failures = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (batch, token) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    results.Add(await handle(batch, token));
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failures);
                    if (attempt >= maxAttempts)
                    {
                        throw new InvalidOperationException($"Batch {batch.BatchId} failed {attempt} times.", ex);
                    }
                }
            }
        });
        return new Outcome(results.ToList(), failures);
    }

    /// <summary>Every recipient row of the incident's current import.</summary>
    public async Task<List<TableEntity>> RowsAsync(string incidentId, CancellationToken ct)
    {
        var table = await Get<StorageClients>().TableAsync(RecipientKeys.Table);
        var rows = new List<TableEntity>();
        foreach (var batch in await Get<RecipientStore>().ListBatchesAsync(incidentId, ct))
        {
            await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == batch.BatchId, cancellationToken: ct))
            {
                rows.Add(e);
            }
        }

        return rows;
    }

    /// <summary>The mails maildev holds for this harness's people.</summary>
    public async Task<List<ReceivedMail>> MailsAsync(CancellationToken ct) =>
        (await Mail.AllAsync(ct)).Where(m => m.To.Any(t => t.Address.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until maildev holds at least <paramref name="count"/> mails for this harness (it stores them just after the 250), then returns them all.</summary>
    public async Task<List<ReceivedMail>> WaitForMailsAsync(int count, CancellationToken ct)
    {
        await Mail.WaitForAsync(all => all.Count(m => m.To.Any(t => t.Address.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase))) >= count, ct: ct);
        return await MailsAsync(ct);
    }

    public static string? MessageId(ReceivedMail mail) =>
        mail.Headers?.FirstOrDefault(h => h.Key.Equals("message-id", StringComparison.OrdinalIgnoreCase)).Value?.ToString()?.Trim('<', '>', ' ');

    public static int Number(string personId) => int.Parse(personId.AsSpan(1), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
