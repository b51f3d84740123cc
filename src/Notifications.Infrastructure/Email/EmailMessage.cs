namespace Notifications.Infrastructure.Email;

/// <summary>One email to one address. <see cref="MessageId"/> is deterministic so a resend is recognisable.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string MessageId, string? ToName = null);

/// <summary>The port to the mail relay.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>The relay refused the message for good (5xx): retrying will not help.</summary>
public sealed class PermanentEmailFailureException(string message, Exception? inner = null) : Exception(message, inner);
