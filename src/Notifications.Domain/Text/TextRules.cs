namespace Notifications.Domain.Text;

/// <summary>
/// Characters no field of ours takes: control characters (a NUL, say), and the bidi embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) that make text read differently from how it is stored. Multi-line fields (a
/// description, a reason, a postal address) keep tab, line feed and carriage return.
/// </summary>
public static class TextRules
{
    /// <summary>The first refused character of <paramref name="text"/> and its 1-based position, or null when there is none.</summary>
    public static UnsafeCharacter? FindUnsafe(string? text, bool multiline)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var refused = IsBidiControl(c) || (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'));
            if (refused)
            {
                return new UnsafeCharacter(c, i + 1);
            }
        }

        return null;
    }

    /// <summary>What to tell the sender about <paramref name="found"/>.</summary>
    public static string Describe(UnsafeCharacter found) =>
        IsBidiControl(found.Character)
            ? $"Remove the bidirectional control character U+{(int)found.Character:X4} at position {found.Position}: it makes the text read differently from how it is stored."
            : $"Remove the control character U+{(int)found.Character:X4} at position {found.Position}.";

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}

/// <summary>A refused character and its 1-based position in the text.</summary>
public sealed record UnsafeCharacter(char Character, int Position);
