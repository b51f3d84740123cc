using System.Collections.Concurrent;
using Notifications.Domain.Notices;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// Renders a notice in the model's language as plain text with Fluid (ADR 0009; no HTML encoding; values are data, never Liquid). Parsed templates are cached per template
/// version, so a fan-out parses each approved set once. Thread-safe; register it as a singleton.
/// </summary>
public sealed class NoticeRenderer
{
    private readonly ConcurrentDictionary<string, ParsedSet> _cache = new(StringComparer.Ordinal);

    /// <summary>Renders the notice for the model's language.</summary>
    /// <exception cref="NoticeTemplateException">The set does not parse or references a variable outside the model.</exception>
    public RenderedNotice Render(NoticeTemplateSet set, NoticeModel model)
    {
        var language = NoticeLanguage.Normalize(model.Language);
        var parsed = _cache.GetOrAdd(set.Version, _ => ParseOrThrow(set));
        var (subject, body) = language == NoticeLanguage.French ? parsed.French : parsed.English;
        try
        {
            var variables = NoticeVariables.For(model);
            return new(language, Flatten(subject.Render(variables)), body.Render(variables).Trim() + "\n", set.Version);
        }
        catch (LiquidException e)
        {
            throw new NoticeTemplateException($"Template {set.Version} ({language}) cannot render: {e.Message}", e);
        }
    }

    /// <summary>Parses one template source; false with an error that carries "(line:column)" when it is invalid.</summary>
    internal static bool TryParse(string source, out LiquidTemplate template, out string error) =>
        LiquidTemplate.TryParse(source, out template, out error);

    private static ParsedSet ParseOrThrow(NoticeTemplateSet set) =>
        new((Parse(set.English.Subject, "en subject"), Parse(set.English.Body, "en body")),
            (Parse(set.French.Subject, "fr subject"), Parse(set.French.Body, "fr body")));

    private static LiquidTemplate Parse(string source, string part) =>
        TryParse(source, out var template, out var error)
            ? template
            : throw new NoticeTemplateException($"The {part} template is not valid Liquid: {error}");

    /// <summary>A subject is one line.</summary>
    private static string Flatten(string subject) => string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed record ParsedSet((LiquidTemplate Subject, LiquidTemplate Body) English, (LiquidTemplate Subject, LiquidTemplate Body) French);
}
