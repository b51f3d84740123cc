using Azure.Data.Tables;
using Notifications.Domain.Recipients;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// One person of an import as stored, with the notice channel decided at import and the send status
/// (<c>pending</c> at import; the fan-out moves it on). <see cref="BatchId"/> and <see cref="RowKey"/> address the row.
/// </summary>
public sealed record StoredRecipient(
    string BatchId,
    string RowKey,
    long Line,
    string PersonId,
    string GivenName,
    string FamilyName,
    string? Email,
    string? PostalAddress,
    string Language,
    string Jurisdiction,
    IReadOnlyList<PersonIdentifier> Identifiers,
    string? GuardianEmail,
    bool Withhold,
    string? WithholdReason,
    NoticeChannel Channel,
    string Status,
    string? GuardianName = null)
{
    public const string Pending = "pending";

    /// <summary>Who this person's notice is addressed to: the person, or their guardian (<see cref="NoticeAddressee"/>).</summary>
    public NoticeAddressee Addressee => NoticeAddressee.For(GivenName, FamilyName, Email, GuardianEmail, GuardianName);

    internal static TableEntity ToEntity(string partitionKey, RecipientRow row)
    {
        var entity = new TableEntity(partitionKey, RecipientKeys.Person(row.PersonId))
        {
            ["Line"] = row.Line,
            ["PersonId"] = row.PersonId,
            ["GivenName"] = row.GivenName,
            ["FamilyName"] = row.FamilyName,
            ["Language"] = row.Language,
            ["Jurisdiction"] = row.Jurisdiction,
            ["Identifiers"] = PersonIdentifiers.Format(row.Identifiers),
            ["Withhold"] = row.Withhold,
            ["Channel"] = row.Channel.ToString(),
            ["Status"] = Pending,
        };
        SetIfPresent(entity, "Email", row.Email);
        SetIfPresent(entity, "PostalAddress", row.PostalAddress);
        SetIfPresent(entity, "GuardianEmail", row.GuardianEmail);
        SetIfPresent(entity, "GuardianName", row.GuardianName);
        SetIfPresent(entity, "WithholdReason", row.WithholdReason);
        return entity;
    }

    private static void SetIfPresent(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    internal static StoredRecipient FromEntity(TableEntity e)
    {
        PersonIdentifiers.TryParse(e.GetString("Identifiers") ?? "", out var identifiers);
        return new StoredRecipient(
            e.PartitionKey, e.RowKey, e.GetInt64("Line") ?? 0, e.GetString("PersonId"), e.GetString("GivenName"),
            e.GetString("FamilyName"), e.GetString("Email"), e.GetString("PostalAddress"), e.GetString("Language"),
            e.GetString("Jurisdiction"), identifiers, e.GetString("GuardianEmail"), e.GetBoolean("Withhold") ?? false,
            e.GetString("WithholdReason"), Enum.Parse<NoticeChannel>(e.GetString("Channel")), e.GetString("Status"), e.GetString("GuardianName"));
    }
}
