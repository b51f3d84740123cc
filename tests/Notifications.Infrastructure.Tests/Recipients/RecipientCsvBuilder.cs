using System.Text;

namespace Notifications.Infrastructure.Tests.Recipients;

/// <summary>Recipient and system-of-record CSV text for tests: fictional people at example.test addresses.</summary>
internal sealed class RecipientCsvBuilder
{
    public static readonly string[] Columns =
    [
        "person_id", "given_name", "family_name", "email", "postal_address", "language", "jurisdiction", "identifiers",
        "guardian_email", "withhold", "withhold_reason",
    ];

    private readonly List<Dictionary<string, string>> _rows = [];
    private string[] _header = Columns;

    /// <summary>Adds <paramref name="count"/> valid people: every third French, every tenth in Yukon.</summary>
    public RecipientCsvBuilder WithPeople(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = _rows.Count + 1;
            _rows.Add(new Dictionary<string, string>
            {
                ["person_id"] = PersonId(n),
                ["given_name"] = $"Given{n}",
                ["family_name"] = $"Family-{n}",
                ["email"] = Email(n),
                ["postal_address"] = $"{n} Fictional Street, Victoria BC V8V 0A{n % 10}",
                ["language"] = n % 3 == 0 ? "fr" : "en",
                ["jurisdiction"] = n % 10 == 0 ? "YT" : "BC",
                ["identifiers"] = $"application:A-{n};client:C-{n}",
                ["guardian_email"] = "",
                ["withhold"] = "",
                ["withhold_reason"] = "",
            });
        }

        return this;
    }

    public static string PersonId(int n) => $"P{n:D6}";

    public static string Email(int n) => $"person{n}@example.test";

    /// <summary>The line of person <paramref name="n"/> (1-based) in the file: the header is line 1.</summary>
    public static int Line(int n) => n + 1;

    /// <summary>Sets a cell of person <paramref name="n"/> (1-based).</summary>
    public RecipientCsvBuilder Set(int n, string column, string value)
    {
        _rows[n - 1][column] = value;
        return this;
    }

    public RecipientCsvBuilder WithHeader(params string[] header)
    {
        _header = header;
        return this;
    }

    /// <summary>Moves every email from person <paramref name="from"/> on down by one row, as a slipped column does.</summary>
    public RecipientCsvBuilder ShiftEmailsDown(int from)
    {
        for (var n = _rows.Count; n > from; n--)
        {
            _rows[n - 1]["email"] = _rows[n - 2]["email"];
        }

        _rows[from - 1]["email"] = "";
        return this;
    }

    public string Build()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', _header)).Append('\n');
        foreach (var row in _rows)
        {
            text.Append(string.Join(',', _header.Select(c => Quote(row.GetValueOrDefault(c, ""))))).Append('\n');
        }

        return text.ToString();
    }

    public Stream ToStream() => Utf8(Build());

    /// <summary>The system of record of these people, with their true emails (as first generated), or none for some.</summary>
    public Stream SystemOfRecord(params int[] withoutEmail)
    {
        var text = new StringBuilder("person_id,email\n");
        for (var n = 1; n <= _rows.Count; n++)
        {
            text.Append(PersonId(n)).Append(',').Append(withoutEmail.Contains(n) ? "" : Email(n)).Append('\n');
        }

        return Utf8(text.ToString());
    }

    public static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
