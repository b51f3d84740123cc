using System.Net.Mail;

namespace Notifications.Domain.Recipients;

/// <summary>
/// An email cell is valid when <see cref="MailAddress"/> parses it and gives back exactly the same text, so display
/// names (<c>Ann &lt;a@x&gt;</c>), several addresses, comments and quoting tricks are all rejected.
/// </summary>
public static class EmailAddressRule
{
    public static bool IsValid(string value) =>
        value.Length <= RecipientColumns.MaxLength[RecipientColumns.Email]
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.DisplayName.Length == 0
        && string.Equals(parsed.Address, value, StringComparison.Ordinal)
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>The form two addresses are compared in: trimmed, lowercase.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}
