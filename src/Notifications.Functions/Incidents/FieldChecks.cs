namespace Notifications.Functions.Incidents;

/// <summary>Field-level checks shared by the request handlers; errors are keyed by the field's JSON path.</summary>
public static class FieldChecks
{
    /// <summary>A required text of at most <paramref name="max"/> characters.</summary>
    public static void Text(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["This field is required."];
        }
        else if (value.Length > max)
        {
            errors[field] = [$"Use at most {max} characters."];
        }
    }
}
