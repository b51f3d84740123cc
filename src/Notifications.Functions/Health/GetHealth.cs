using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notifications.Infrastructure.Email;
using Notifications.Infrastructure.Storage;

namespace Notifications.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>: whether storage and the SMTP relay are reachable, for monitoring. Needs no bearer token
/// (the function key guards it at the Azure edge) and reports no secrets or personal data. 503 when either is down.
/// </summary>
public sealed class GetHealth(StorageClients storage, IOptions<MailOptions> mail)
{
    [Function(nameof(GetHealth))]
    [AllowAnonymous]
    public Task<Results<Ok<Report>, JsonHttpResult<Report>>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/health")] HttpRequest request, CancellationToken ct) =>
        Handle(storage, mail, ct);

    public sealed record Check(string Status, string? Detail);

    public sealed record Report(string Status, Check Storage, Check Smtp);

    public static async Task<Results<Ok<Report>, JsonHttpResult<Report>>> Handle(
        StorageClients storage, IOptions<MailOptions> mail, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var checks = await Task.WhenAll(StorageAsync(storage, timeout.Token), SmtpAsync(mail.Value, timeout.Token));
        var healthy = checks.All(c => c.Status is "ok" or "simulated");
        var report = new Report(healthy ? "ok" : "degraded", checks[0], checks[1]);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Check> StorageAsync(StorageClients storage, CancellationToken ct)
    {
        try
        {
            var table = await storage.TableAsync(StorageNames.IncidentsTable).WaitAsync(ct);
            await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: ct))
            {
                break;
            }

            return new("ok", null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new("unreachable", ex.GetType().Name);
        }
    }

    private static async Task<Check> SmtpAsync(MailOptions options, CancellationToken ct)
    {
        if (options.Simulate)
        {
            return new("simulated", "Mail__Simulate is on: nothing is sent.");
        }

        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(options.Host, options.Port, options.SocketOptions, ct);
            await client.NoOpAsync(ct);
            await client.DisconnectAsync(true, ct);
            return new("ok", null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new("unreachable", ex.GetType().Name);
        }
    }
}
