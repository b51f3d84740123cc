using Azure.Data.Tables;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// The properties of a recipient row, sorted by what the contact-data purge does with them. Anything not
/// <see cref="Kept"/> is removed, so a column added later is purged until someone decides it is evidence.
/// </summary>
public static class RecipientFields
{
    /// <summary>Set on a row when its contact data was purged; such a row is never sent to.</summary>
    public const string ContactPurgedAt = "ContactPurgedAt";

    /// <summary>
    /// The evidence of the decisions about a person, kept after the purge: where the person was in the file, the notice
    /// language, channel and withholding decided at import, and what the fan-out and the delivery reports did (status,
    /// times, codes, Message-ID).
    /// The row key (the person id, or its hash) is kept too.
    /// </summary>
    public static IReadOnlySet<string> Kept { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Line", "Language", "Channel", "ChannelBefore", "Withhold", "Status",
        "SendingAt", "SentAt", "MessageId", "BlockCode", "BlockedAt", "FailureCode", "FailedAt",
        "DeliveredAt", "BouncedAt", "BounceCode", // written by delivery reports
        "ReturnedAt", "ReturnCode", // written when a letter came back (ReturnedLetterRecorder)
        ContactPurgedAt,
    };

    /// <summary>
    /// Contact data and what identifies a person, removed by the purge. Jurisdiction goes too (it is derived from an
    /// address; the import's counts by jurisdiction stay in the manifest), and so does the withhold reason, which is free
    /// text that may name a person or say where they are.
    /// </summary>
    public static IReadOnlySet<string> Personal { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "PersonId", "GivenName", "FamilyName", "Email", "PostalAddress", "GuardianEmail", "GuardianName", "Identifiers", "Jurisdiction", "WithholdReason",
    };

    public static bool IsContactPurged(TableEntity row) => row.ContainsKey(ContactPurgedAt);

    /// <summary>The row as the purge leaves it: same keys, only the <see cref="Kept"/> properties, and the purge time.</summary>
    internal static TableEntity Stripped(TableEntity row, DateTimeOffset purgedAt)
    {
        var stripped = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (Kept.Contains(name) && value is not null)
            {
                stripped[name] = value;
            }
        }

        stripped[ContactPurgedAt] = purgedAt;
        return stripped;
    }
}
