using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Notifications.Domain.Notices;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// Renders a notice in the model's language as plain text (no HTML encoding). Parsed templates are cached per template
/// version, so a fan-out parses each approved set once. Thread-safe; register it as a singleton.
/// </summary>
public sealed class NoticeRenderer
{
    private static readonly FluidParser Parser = new();
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
            var context = NoticeVariables.ContextFor(model);
            return new(language, Flatten(subject.Render(context, NullEncoder.Default)), body.Render(context, NullEncoder.Default).Trim() + "\n", set.Version);
        }
        catch (FluidException e)
        {
            throw new NoticeTemplateException($"Template {set.Version} ({language}) cannot render: {e.Message}", e);
        }
    }

    /// <summary>Parses one template source; false with Fluid's error (which carries line and column) when it is invalid.</summary>
    internal static bool TryParse(string source, out IFluidTemplate template, out string error) =>
        Parser.TryParse(source, out template, out error);

    private static ParsedSet ParseOrThrow(NoticeTemplateSet set) =>
        new((Parse(set.English.Subject, "en subject"), Parse(set.English.Body, "en body")),
            (Parse(set.French.Subject, "fr subject"), Parse(set.French.Body, "fr body")));

    private static IFluidTemplate Parse(string source, string part) =>
        TryParse(source, out var template, out var error)
            ? template
            : throw new NoticeTemplateException($"The {part} template is not valid Liquid: {error}");

    /// <summary>A subject is one line.</summary>
    private static string Flatten(string subject) => string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed record ParsedSet((IFluidTemplate Subject, IFluidTemplate Body) English, (IFluidTemplate Subject, IFluidTemplate Body) French);
}
