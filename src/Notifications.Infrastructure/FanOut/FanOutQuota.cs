using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.FanOut;

/// <summary>Permits granted by <see cref="FanOutQuota.ReserveAsync"/>; when none, the time the next window opens.</summary>
public sealed record QuotaGrant(int Granted, DateTimeOffset? RetryAt);

/// <summary>
/// The email provider's quota (<see cref="FanOutOptions.PerMinute"/>, <see cref="FanOutOptions.PerHour"/>), which holds
/// for the whole email resource: every run of every incident, in every process, reserves its sends here before it
/// sends them. Two counters in one partition of the <c>fanout</c> table, one per calendar minute and one per clock hour
/// (UTC), updated together in one ETag-checked transaction. The run orchestration waits on a durable timer until
/// <see cref="QuotaGrant.RetryAt"/> when nothing is left, so no process holds a slot while it waits.
/// <para>
/// A reservation that is not used (a batch finds fewer people left than it reserved, or an activity runs twice) is not
/// given back: that only makes the quota stricter. Fixed windows let a burst of one window's quota at each side of a
/// boundary; the relay's own limit is per window, so that is what it allows.
/// </para>
/// </summary>
public sealed class FanOutQuota(StorageClients storage, IOptions<FanOutOptions> options, TimeProvider time)
{
    private const string Partition = "quota";
    private const int MaxAttempts = 50;
    private readonly FanOutOptions _options = options.Value;

    /// <summary>Reserves up to <paramref name="wanted"/> sends in the current minute and hour.</summary>
    public async Task<QuotaGrant> ReserveAsync(int wanted, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wanted);
        var table = await storage.TableAsync(FanOutKeys.Table);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            var hour = minute.AddMinutes(-minute.Minute);
            var (minuteRow, minuteUsed) = await ReadAsync(table, $"m|{minute:yyyyMMddHHmm}", ct);
            var (hourRow, hourUsed) = await ReadAsync(table, $"h|{hour:yyyyMMddHH}", ct);
            var granted = Math.Min(wanted, Math.Min(_options.PerMinute - minuteUsed, _options.PerHour - hourUsed));
            if (granted <= 0)
            {
                return new QuotaGrant(0, _options.PerHour - hourUsed <= 0 ? hour.AddHours(1) : minute.AddMinutes(1));
            }

            try
            {
                await table.SubmitTransactionAsync([Write(minuteRow, minuteUsed + granted), Write(hourRow, hourUsed + granted)], ct);
                return new QuotaGrant(granted, null);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another run reserved meanwhile: read again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * Math.Min(attempt, 10))), ct);
            }
        }
    }

    /// <summary>Sends reserved so far in the current minute and hour (for tests and the status endpoint).</summary>
    public async Task<(int Minute, int Hour)> UsedAsync(CancellationToken ct = default)
    {
        var table = await storage.TableAsync(FanOutKeys.Table);
        var now = time.GetUtcNow();
        var (_, minute) = await ReadAsync(table, $"m|{now:yyyyMMddHHmm}", ct);
        var (_, hour) = await ReadAsync(table, $"h|{now:yyyyMMddHH}", ct);
        return (minute, hour);
    }

    private static async Task<(TableEntity Row, int Used)> ReadAsync(TableClient table, string rowKey, CancellationToken ct)
    {
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: ct);
        return stored.HasValue && stored.Value is { } row
            ? (row, row.GetInt32("Used") ?? 0)
            : (new TableEntity(Partition, rowKey), 0);
    }

    private static TableTransactionAction Write(TableEntity row, int used)
    {
        var update = new TableEntity(row.PartitionKey, row.RowKey) { ["Used"] = used };
        return row.ETag == default
            ? new TableTransactionAction(TableTransactionActionType.Add, update)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, update, row.ETag);
    }
}
