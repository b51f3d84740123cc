namespace Notifications.Domain.Recipients;

/// <summary>
/// The notice decision for one person: withheld when flagged; otherwise direct email when there is a valid email
/// (the person's, or a guardian's for a minor); otherwise a direct letter when there is a postal address; otherwise
/// indirect notice. Callers pass only values that passed validation (a syntactically invalid email blocks the import).
/// </summary>
public static class NoticeChannelRule
{
    public static NoticeChannel Decide(string? email, string? guardianEmail, string? postalAddress, bool withhold) =>
        withhold ? NoticeChannel.Withheld
        : !string.IsNullOrWhiteSpace(email) || !string.IsNullOrWhiteSpace(guardianEmail) ? NoticeChannel.Email
        : !string.IsNullOrWhiteSpace(postalAddress) ? NoticeChannel.Letter
        : NoticeChannel.Indirect;
}
