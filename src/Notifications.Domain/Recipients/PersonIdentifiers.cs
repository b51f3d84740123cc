namespace Notifications.Domain.Recipients;

/// <summary>The <c>identifiers</c> cell: <c>;</c>-separated <c>kind:value</c> pairs, e.g. <c>application:A-1;client:77</c>.</summary>
public static class PersonIdentifiers
{
    public static bool TryParse(string cell, out IReadOnlyList<PersonIdentifier> identifiers)
    {
        var list = new List<PersonIdentifier>();
        identifiers = list;
        foreach (var part in cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Length - 1)
            {
                return false;
            }

            var kind = part[..colon].Trim();
            var value = part[(colon + 1)..].Trim();
            if (kind.Length == 0 || value.Length == 0 || !kind.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ' '))
            {
                return false;
            }

            list.Add(new PersonIdentifier(kind.ToLowerInvariant(), value));
        }

        return true;
    }

    public static string Format(IEnumerable<PersonIdentifier> identifiers) => string.Join(";", identifiers);
}
