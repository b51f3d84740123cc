using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Notifications.Infrastructure.Email;

/// <summary>
/// Sends through one reused, authenticated SMTP connection (MailKit), reconnecting when it drops. SMTP 5xx replies
/// become <see cref="PermanentEmailFailureException"/>; everything else is thrown as is, for the queue to retry.
/// </summary>
public sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender, IAsyncDisposable
{
    private readonly MailOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

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

        await _gate.WaitAsync(ct);
        try
        {
            var client = await ConnectedAsync(ct);
            await client.SendAsync(mime, ct);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new PermanentEmailFailureException($"The relay refused the message ({(int)ex.StatusCode}).", ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or IOException)
        {
            await DropAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        await DropAsync();
        var client = new SmtpClient();
        var security = _options.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(_options.Host, _options.Port, security, ct);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
        }

        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(true);
            }
        }
        catch (Exception)
        {
            // The connection is already broken; a new one follows.
        }

        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _gate.Dispose();
    }
}
