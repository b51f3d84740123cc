namespace Notifications.Domain.Recipients;

/// <summary>The raw cells of one record, by column name; a column the file does not have reads as empty.</summary>
public sealed record RecipientCells(long Line, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values.TryGetValue(column, out var value) ? value.Trim() : "";
}
