using System.Net.Sockets;
using System.Text;
using Notifications.Functions.Access;
using Notifications.TestKit;

namespace Notifications.Functions.Tests.EndToEnd;

/// <summary>
/// Headers as a client's bytes reach the local runtime's Kestrel: an <c>Idempotency-Key</c> with non-ASCII characters
/// (UTF-8, or Latin-1 from an older terminal) reaches the app, which answers with problem details, not an empty 400.
/// </summary>
public sealed class RawHeaderTests(DevServicesFixture fixture)
{
    public static TheoryData<string, byte[]> NonAsciiKeys => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes("été") },
        { "Latin-1", Encoding.Latin1.GetBytes("été") },
    };

    [Theory]
    [MemberData(nameof(NonAsciiKeys))]
    public async Task IdempotencyKey_NonAsciiBytes_AnsweredByTheAppAsProblemDetails(string encoding, byte[] key)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await AppProcess.StartAsync(fixture.Services, Names.Unique("raw"), ct);
        var token = LocalTokens.Mint(new AuthOptions { SigningKey = AppFactory.SigningKey }, Roles.PrivacyOfficer, "raw", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        var body = Encoding.UTF8.GetBytes("{}");
        byte[] request =
        [
            .. Encoding.ASCII.GetBytes($"POST /api/incidents HTTP/1.1\r\nHost: {app.Api.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\nIdempotency-Key: "),
            .. key,
            .. Encoding.ASCII.GetBytes("\r\n\r\n"),
            .. body,
        ];

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.Api.Host, app.Api.Port, ct);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request, ct);
        var response = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync(ct);

        Assert.True(response.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), $"{encoding}: {response}");
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("printable ASCII", response, StringComparison.Ordinal);
    }
}
