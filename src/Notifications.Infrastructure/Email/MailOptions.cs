using System.ComponentModel.DataAnnotations;

namespace Notifications.Infrastructure.Email;

public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// SMTP relay settings. Locally: maildev on 127.0.0.1:1025 without TLS. In Azure: the Communication Services relay
/// <c>smtp.azurecomm.net:587</c> with STARTTLS, user <c>&lt;resource&gt;|&lt;app id&gt;|&lt;tenant id&gt;</c> and the
/// Entra app's client secret (from Key Vault).
/// </summary>
public sealed class MailOptions
{
    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "";

    public string FromName { get; set; } = "Privacy Office";

    /// <summary>Run the whole pipeline without sending (simulated recipients).</summary>
    public bool Simulate { get; set; }

    /// <summary>The MailKit socket option for <see cref="Security"/>.</summary>
    public MailKit.Security.SecureSocketOptions SocketOptions => Security switch
    {
        MailSecurity.None => MailKit.Security.SecureSocketOptions.None,
        MailSecurity.SslOnConnect => MailKit.Security.SecureSocketOptions.SslOnConnect,
        _ => MailKit.Security.SecureSocketOptions.StartTls,
    };

    /// <summary>The domain used in deterministic Message-IDs.</summary>
    public string MessageIdDomain => From.Contains('@', StringComparison.Ordinal) ? From[(From.IndexOf('@', StringComparison.Ordinal) + 1)..] : "localhost";
}
