using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// Where recipient rows live in table <c>recipients</c>. An import's rows are in partitions of at most
/// <see cref="BatchSize"/> (<c>{incident}|{importId}|{batch:D5}</c>), so one batch is one transaction and one fan-out
/// message; the manifest partition <c>{incident}|imports</c> says which import is current.
/// </summary>
public static class RecipientKeys
{
    public const string Table = "recipients";
    public const int BatchSize = 100;
    public const string CurrentRow = "current";

    public static string Batch(string incidentId, string importId, int batch) =>
        $"{RowKeys.Safe(incidentId)}|{importId}|{batch:D5}";

    public static string Imports(string incidentId) => $"{RowKeys.Safe(incidentId)}|imports";

    /// <summary>The row key of one person within a batch.</summary>
    public static string Person(string personId) => RowKeys.Safe(personId);
}
