using Notifications.Domain.Text;

namespace Notifications.Functions.Incidents;

/// <summary>Field-level checks shared by the request handlers; errors are keyed by the field's JSON path.</summary>
public static class FieldChecks
{
    /// <summary>
    /// A required text of at most <paramref name="max"/> characters. A single-line text (a title, a name) takes no line
    /// break, tab or other control character; every text is refused with a bidi override (<see cref="TextRules"/>).
    /// </summary>
    public static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["This field is required."];
        }
        else if (value.Length > max)
        {
            errors[field] = [$"Use at most {max} characters."];
        }
        else
        {
            SafeText(errors, field, value, multiline);
        }
    }

    /// <summary>An optional text's characters, checked as <see cref="Text"/> does.</summary>
    public static void SafeText(Dictionary<string, string[]> errors, string field, string? value, bool multiline = false)
    {
        if (TextRules.FindUnsafe(value, multiline) is { } found)
        {
            errors[field] = [TextRules.Describe(found)];
        }
    }
}
