using System.Text;

namespace Notifications.TestKit.FanOut;

/// <summary>
/// Generated recipient files for fan-out tests and benchmarks: person <c>n</c> (1-based) is <c>P{n:D7}</c>,
/// <c>Given{n}</c>, at <c>person{n}@{domain}</c>, French when <c>n % 3 == 0</c>. A unique domain per run keeps runs apart
/// in a shared mail sink.
/// </summary>
public static class FanOutCsv
{
    public const string Header = "person_id,given_name,family_name,email,postal_address,language,jurisdiction,identifiers,guardian_email,withhold,withhold_reason";

    public static string PersonId(int n) => $"P{n:D7}";

    public static string Given(int n) => $"Given{n}";

    public static string Email(int n, string domain) => $"person{n}@{domain}";

    public static string Language(int n) => n % 3 == 0 ? "fr" : "en";

    public static void Write(TextWriter writer, int count, string domain)
    {
        writer.Write(Header);
        writer.Write('\n');
        for (var n = 1; n <= count; n++)
        {
            writer.Write($"{PersonId(n)},{Given(n)},Family{n},{Email(n, domain)},\"{n} Fictional Street, Victoria BC\",{Language(n)},BC,client:C-{n},,,\n");
        }
    }

    public static Stream Stream(int count, string domain)
    {
        var text = new StringWriter();
        Write(text, count, domain);
        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
