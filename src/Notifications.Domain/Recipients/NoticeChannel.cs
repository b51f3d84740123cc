namespace Notifications.Domain.Recipients;

/// <summary>How a person is notified (DESIGN §1.5). Stored by name; never renumber.</summary>
public enum NoticeChannel
{
    /// <summary>Direct notice by email, to the person's own address (or their guardian's, for a minor).</summary>
    Email = 1,

    /// <summary>Direct notice by postal letter: no email, but a postal address.</summary>
    Letter = 2,

    /// <summary>Indirect notice (a public notice): no accurate contact information.</summary>
    Indirect = 3,

    /// <summary>No notice, because it could cause immediate and grave harm; the reason is recorded with the row.</summary>
    Withheld = 4,
}
