using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Notifications.Infrastructure.Email;

/// <summary>
/// Sends through a small pool of reused, authenticated SMTP connections (MailKit): at most <c>connections</c> sends are
/// in flight, each on a connection of its own. A connection that fails in any way is dropped and a new one is opened on
/// the next send. SMTP 5xx replies become <see cref="PermanentEmailFailureException"/>; everything else is thrown as is,
/// for the caller or the queue to retry.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender, IAsyncDisposable
{
    private readonly MailOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly ConcurrentBag<SmtpClient> _idle = [];
    private long _attempts;
    private long _connects;

    public SmtpEmailSender(IOptions<MailOptions> options) : this(options, 1) { }

    public SmtpEmailSender(IOptions<MailOptions> options, int connections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        _options = options.Value;
        Connections = connections;
        _gate = new SemaphoreSlim(connections, connections);
    }

    /// <summary>The pool size: sends in flight at once.</summary>
    public int Connections { get; }

    /// <summary>Sends attempted (each one an SMTP transaction started, or a connection tried).</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Connections opened so far (a reconnect after a failure counts).</summary>
    public long Connects => Interlocked.Read(ref _connects);

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.TextBody },
        };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));

        // The relay only: the recipient's address and name stay out of telemetry.
        using var span = Telemetry.Source.StartActivity("smtp send", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("server.address", _options.Host);
        span?.SetTag("server.port", _options.Port);
        await _gate.WaitAsync(ct);
        SmtpClient? client = null;
        try
        {
            Interlocked.Increment(ref _attempts);
            client = await ConnectedAsync(ct);
            await client.SendAsync(mime, ct);
            _idle.Add(client);
            client = null;
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new PermanentEmailFailureException($"The relay refused the message ({(int)ex.StatusCode}).", ex);
        }
        finally
        {
            if (client is not null)
            {
                await DropAsync(client);
            }

            _gate.Release();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsConnected)
            {
                return idle;
            }

            await DropAsync(idle);
        }

        var client = new SmtpClient();
        try
        {
            Interlocked.Increment(ref _connects);
            await client.ConnectAsync(_options.Host, _options.Port, _options.SocketOptions, ct);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task DropAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(true, quit.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException or SmtpCommandException or OperationCanceledException)
        {
            // The connection is already broken; a new one follows.
        }

        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            await DropAsync(client);
        }

        _gate.Dispose();
    }
}
