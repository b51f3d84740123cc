using System.Text.Json;
using Azure.Data.Tables;
using Notifications.Domain.Recipients;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// The committed import of an incident: which staging import readers see, its batches and its counts. Stored as row
/// <c>current</c> of partition <c>{incident}|imports</c>, next to a copy per import (row <c>import|{importId}</c>) as
/// the record of what was imported when.
/// </summary>
public sealed record ImportManifest(
    string IncidentId,
    string ImportId,
    DateTimeOffset ImportedAt,
    int Batches,
    bool SystemOfRecordChecked,
    RecipientCounts Counts)
{
    internal const string ImportRowPrefix = "import|";

    internal TableEntity ToEntity(string rowKey) => new(RecipientKeys.Imports(IncidentId), rowKey)
    {
        ["IncidentId"] = IncidentId,
        ["ImportId"] = ImportId,
        ["ImportedAt"] = ImportedAt,
        ["Batches"] = Batches,
        ["BatchSize"] = RecipientKeys.BatchSize,
        ["SystemOfRecordChecked"] = SystemOfRecordChecked,
        ["Rows"] = Counts.Rows,
        ["Withheld"] = Counts.Withheld,
        ["NoEmailButPostal"] = Counts.NoEmailButPostal,
        ["NoContact"] = Counts.NoContact,
        ["ByLanguage"] = JsonSerializer.Serialize(Counts.ByLanguage),
        ["ByJurisdiction"] = JsonSerializer.Serialize(Counts.ByJurisdiction),
        ["ByChannel"] = JsonSerializer.Serialize(Counts.ByChannel.ToDictionary(c => c.Key.ToString(), c => c.Value)),
    };

    internal static ImportManifest FromEntity(TableEntity e) => new(
        e.GetString("IncidentId"), e.GetString("ImportId"), e.GetDateTimeOffset("ImportedAt") ?? default,
        e.GetInt32("Batches") ?? 0, e.GetBoolean("SystemOfRecordChecked") ?? false,
        new RecipientCounts(
            e.GetInt64("Rows") ?? 0,
            ReadCounts<string>(e, "ByLanguage", k => k),
            ReadCounts<string>(e, "ByJurisdiction", k => k),
            ReadCounts(e, "ByChannel", Enum.Parse<NoticeChannel>),
            e.GetInt64("Withheld") ?? 0,
            e.GetInt64("NoEmailButPostal") ?? 0,
            e.GetInt64("NoContact") ?? 0));

    private static Dictionary<TKey, long> ReadCounts<TKey>(TableEntity e, string name, Func<string, TKey> key)
        where TKey : notnull =>
        (JsonSerializer.Deserialize<Dictionary<string, long>>(e.GetString(name) ?? "{}") ?? [])
            .ToDictionary(p => key(p.Key), p => p.Value);
}
