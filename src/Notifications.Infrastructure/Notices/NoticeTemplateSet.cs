using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Notifications.Domain.Incidents;
using Notifications.Domain.Notices;

namespace Notifications.Infrastructure.Notices;

/// <summary>One language's Liquid templates: a subject line and a plain-text body.</summary>
/// <param name="Subject">Liquid source of the subject.</param>
/// <param name="Body">Liquid source of the body.</param>
public sealed record NoticeTemplate(string Subject, string Body);

/// <summary>
/// The English and French templates of a notice, identified by <see cref="Version"/>, a hash of their content, so an
/// approved version is exactly what renders and every rendered notice records which one it came from.
/// Templates may reference only the variables of <see cref="NoticeVariables"/>.
/// </summary>
public sealed record NoticeTemplateSet
{
    /// <summary>A set from its two languages.</summary>
    public NoticeTemplateSet(NoticeTemplate english, NoticeTemplate french)
    {
        English = english;
        French = french;
        Version = HashOf(english, french);
    }

    /// <summary>The English templates.</summary>
    public NoticeTemplate English { get; }

    /// <summary>The French templates.</summary>
    public NoticeTemplate French { get; }

    /// <summary>"sha256:" and the first 16 hex digits of the SHA-256 of the four sources.</summary>
    public string Version { get; }

    /// <summary>The templates for a language code ("en" or "fr").</summary>
    public NoticeTemplate For(string language) => NoticeLanguage.Normalize(language) == NoticeLanguage.French ? French : English;

    /// <summary>
    /// The office's own templates, or <see cref="Default"/> when there are none. Built (and hashed) once per instance of
    /// the approved templates, since the fan-out and the letters export ask for every person.
    /// </summary>
    public static NoticeTemplateSet Of(CustomTemplates? custom) => custom is null
        ? Default
        : Built.GetValue(custom, c => new(new(c.En.Subject, c.En.Body), new(c.Fr.Subject, c.Fr.Body)));

    private static readonly ConditionalWeakTable<CustomTemplates, NoticeTemplateSet> Built = new();

    /// <summary>The default plain-language BC templates shipped with the product.</summary>
    public static NoticeTemplateSet Default { get; } = new(
        new(Resource("default.en.subject.liquid"), Resource("default.en.body.liquid")),
        new(Resource("default.fr.subject.liquid"), Resource("default.fr.body.liquid")));

    private static string HashOf(NoticeTemplate english, NoticeTemplate french)
    {
        var joined = string.Join('\0', english.Subject, english.Body, french.Subject, french.Body);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
    }

    private static string Resource(string name)
    {
        using var stream = typeof(NoticeTemplateSet).Assembly.GetManifestResourceStream("Notifications.Infrastructure.Notices.Templates." + name)
            ?? throw new InvalidOperationException($"The notice template resource '{name}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
