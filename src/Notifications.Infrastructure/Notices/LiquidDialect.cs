using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// The Liquid that notice templates may use (Fluid, configured once; ADR 0009). Standard Liquid tags and the
/// plain-text filters of <see cref="Filters"/>, with strict variables, ordinal names, no file system and bounded work:
/// <list type="bullet">
/// <item>refused tags: <c>include</c> and <c>render</c> (an approved set is exactly its four sources, never a file read
/// at send time), <c>tablerow</c> (HTML table markup in a plain-text notice), <c>liquid</c> (a second syntax for the same
/// tags); Fluid's functions and macros stay off;</item>
/// <item>refused filters: anything not in <see cref="Filters"/>: markup and URL encodings (notices are plain text; HTML is
/// encoded where HTML is written), dates and time zones (a notice must not depend on when it renders), <c>json</c>,
/// hashes, <c>split</c> and the member filters (<c>map</c>, <c>where</c>...) the model's lists of text have no use for;</item>
/// <item>limits: <see cref="MaxSteps"/> statements per render, <see cref="MaxText"/> characters per value and per
/// output, <see cref="MaxItems"/> items per list made by the template.</item>
/// </list>
/// </summary>
internal static partial class LiquidDialect
{
    /// <summary>Statements one render may run (loops included); the default body runs a few hundred.</summary>
    public const int MaxSteps = 10_000;

    /// <summary>Characters of one rendered template, and of any value the template makes (assign, capture, a filter).</summary>
    public const int MaxText = 100_000;

    /// <summary>Items of a list the template makes (<c>concat</c>).</summary>
    public const int MaxItems = 1_000;

    /// <summary>The tags templates may not use: parsing them fails with "Unknown or misplaced tag" and a location.</summary>
    public static IReadOnlySet<string> RefusedTags { get; } = new HashSet<string>(StringComparer.Ordinal) { "include", "render", "tablerow", "liquid" };

    /// <summary>The filters templates may use, all of Fluid's standard ones that make sense in plain text.</summary>
    public static IReadOnlySet<string> Filters { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "append", "prepend", "capitalize", "downcase", "upcase", "strip", "lstrip", "rstrip", "strip_newlines",
        "replace", "replace_first", "replace_last", "remove", "remove_first", "remove_last", "truncate", "truncatewords", "slice",
        "default", "size", "join", "first", "last", "reverse", "sort", "sort_natural", "uniq", "compact", "concat",
        "plus", "minus", "times", "divided_by", "modulo", "round", "ceil", "floor", "abs", "at_least", "at_most",
    };

    /// <summary>The parser: Fluid's standard tags less <see cref="RefusedTags"/>. Thread-safe.</summary>
    public static FluidParser Parser { get; } = CreateParser();

    /// <summary>The render options: strict variables and filters, ordinal names, invariant culture, the limits. Shared and read-only.</summary>
    public static TemplateOptions Options { get; } = CreateOptions();

    /// <summary>
    /// A parse error in the product's words: the first line of Fluid's message (it appends the source line), with
    /// "Missing 'endfor'" for an unclosed block and "Unknown or misplaced tag" for a tag that is not allowed here.
    /// </summary>
    public static string ParseError(string fluidMessage)
    {
        var message = fluidMessage.Split('\n')[0].TrimEnd();
        message = Unclosed().Replace(message, "Missing '$1'");
        return message.StartsWith("Unknown tag", StringComparison.Ordinal) ? "Unknown or misplaced tag" + message["Unknown tag".Length..] : message;
    }

    /// <summary>"(line:column)" of an index in a source, 1-based, as Fluid writes it.</summary>
    public static string At(string source, int index)
    {
        var line = 1 + source.AsSpan(0, index).Count('\n');
        var column = index - (index == 0 ? 0 : source.LastIndexOf('\n', index - 1) + 1) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"({line}:{column})");
    }

    private static FluidParser CreateParser()
    {
        var parser = new FluidParser(new FluidParserOptions { AllowFunctions = false, AllowLiquidTag = false });
        foreach (var tag in RefusedTags)
        {
            parser.RegisteredTags.Remove(tag);
        }

        return parser;
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            StrictVariables = true,
            StrictFilters = true,
            MaxSteps = MaxSteps,
            ModelNamesComparer = StringComparer.Ordinal,
            CultureInfo = CultureInfo.InvariantCulture,
        };
        var standard = options.Filters.Where(f => Filters.Contains(f.Key)).ToArray();
        options.Filters.Clear();
        foreach (var (name, filter) in standard)
        {
            var call = name == "join" ? JoinWithSpaceByDefault(filter) : filter;
            options.Filters.AddFilter(name, (input, arguments, context) => Bounded(call(input, arguments, context)));
        }

        options.Assigned = (_, value, _) => Bounded(value);
        options.Captured = (_, value, _) => Bounded(value);
        return options;
    }

    /// <summary>Liquid joins with a space when no separator is given (Fluid 2.41.1 joins with nothing; the subset used a space).</summary>
    private static FilterDelegate JoinWithSpaceByDefault(FilterDelegate join) => (input, arguments, context) =>
        join(input, arguments.Count == 0 ? new FilterArguments(StringValue.Create(" ")) : arguments, context);

    private static ValueTask<FluidValue> Bounded(ValueTask<FluidValue> result) =>
        result.IsCompletedSuccessfully ? Bounded(result.Result) : Awaited(result);

    private static async ValueTask<FluidValue> Awaited(ValueTask<FluidValue> result) => await Bounded(await result);

    private static ValueTask<FluidValue> Bounded(FluidValue value) => value switch
    {
        StringValue s when s.ToStringValue().Length > MaxText => throw new LiquidException($"A value the template makes is longer than {MaxText} characters"),
        ArrayValue a when a.Values.Count > MaxItems => throw new LiquidException($"A list the template makes has more than {MaxItems} items"),
        _ => ValueTask.FromResult(value),
    };

    [GeneratedRegex(@"^'\{%-?\s*(end\w+)\s*-?%\}' was expected")]
    private static partial Regex Unclosed();
}
