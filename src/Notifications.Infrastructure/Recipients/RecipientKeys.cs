using System.Globalization;
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

    /// <summary>Splits a batch id into its import id and batch number; false when it does not end in <c>|{import}|{digits}</c>.</summary>
    public static bool TryParseBatch(string batchId, out string importId, out int number)
    {
        importId = "";
        number = -1;
        var last = batchId.LastIndexOf('|');
        var middle = last > 0 ? batchId.LastIndexOf('|', last - 1) : -1;
        if (middle < 0 || last - middle < 2 || batchId.Length - last < 2 || !int.TryParse(batchId.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            number = -1;
            return false;
        }

        importId = batchId[(middle + 1)..last];
        return true;
    }

    public static string Imports(string incidentId) => $"{RowKeys.Safe(incidentId)}|imports";

    /// <summary>The row key of one person within a batch.</summary>
    public static string Person(string personId) => RowKeys.Safe(personId);
}
