namespace Notifications.Domain.Breach;

/// <summary>Collects validation messages keyed by camelCase JSON path, in the shape problem details use.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no error was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Adds a message for a field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>Adds a message when the condition holds.</summary>
    public void AddIf(bool condition, string field, string message)
    {
        if (condition)
        {
            Add(field, message);
        }
    }

    /// <summary>The errors, ordered by field.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
