using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// A parsed notice template (Fluid, in the <see cref="LiquidDialect"/>), rendered as plain text with strict variables:
/// reading a name or member that does not exist is an error, never empty text. Values are data: a value that contains
/// Liquid is printed as written. Immutable and thread-safe once parsed.
/// </summary>
internal sealed partial class LiquidTemplate
{
    private LiquidTemplate(IFluidTemplate parsed) => Parsed = parsed;

    /// <summary>The parsed Fluid template.</summary>
    public IFluidTemplate Parsed { get; }

    /// <summary>
    /// Parses a source; false with a located error ("... at (line:column)") when it is not valid Liquid, uses a tag of
    /// <see cref="LiquidDialect.RefusedTags"/> or a filter outside <see cref="LiquidDialect.Filters"/>.
    /// </summary>
    public static bool TryParse(string source, out LiquidTemplate template, out string error)
    {
        template = new LiquidTemplate(new global::Fluid.Parser.FluidTemplate());
        if (!LiquidDialect.Parser.TryParse(source, out var parsed, out var fluidError))
        {
            error = LiquidDialect.ParseError(fluidError);
            return false;
        }

        var candidate = new LiquidTemplate(new NullKeyword().VisitTemplate(parsed));
        var refused = VariableCollector.FiltersIn(candidate).FirstOrDefault(f => !LiquidDialect.Filters.Contains(f));
        if (refused is not null)
        {
            error = $"Unknown filter '{refused}' at {LiquidDialect.At(source, FilterIndex(source, refused))}";
            return false;
        }

        template = candidate;
        error = "";
        return true;
    }

    /// <summary>Renders with these variables.</summary>
    /// <exception cref="LiquidException">The template reads a variable or member that does not exist, or exceeds a limit.</exception>
    public string Render(IReadOnlyDictionary<string, object?> variables)
    {
        var context = new TemplateContext(LiquidDialect.Options, StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            context.SetValue(name, value);
        }

        using var output = new BoundedWriter(LiquidDialect.MaxText);
        try
        {
            var rendering = Parsed.RenderAsync(output, NullEncoder.Default, context);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (FluidException e)
        {
            throw new LiquidException(FluidTypeName().Replace(e.Message, "a member"), e);
        }
        catch (InvalidOperationException e)
        {
            // Fluid reports MaxSteps as a "maximum level of recursion".
            throw new LiquidException($"The template runs more than {LiquidDialect.MaxSteps} steps", e);
        }
        catch (Exception e) when (e is ArithmeticException or FormatException or ArgumentException)
        {
            throw new LiquidException($"A filter cannot compute: {e.Message}", e); // e.g. divided_by: 0
        }

        return output.ToString();
    }

    /// <summary>Where a refused filter is first named: "| name" outside Liquid's own syntax is the only way to call one.</summary>
    private static int FilterIndex(string source, string name)
    {
        var match = Regex.Match(source, @"\|\s*" + Regex.Escape(name) + @"(?![\w-])", RegexOptions.CultureInvariant);
        return match.Success ? match.Index + match.Length - name.Length : 0;
    }

    /// <summary>Fluid's message for a missing member names an AST type instead of the member.</summary>
    [GeneratedRegex(@"'Fluid\.Ast\.\w+'")]
    private static partial Regex FluidTypeName();

    /// <summary>Liquid's <c>null</c> is <c>nil</c> (Shopify Liquid and the earlier subset accept both; Fluid only <c>nil</c>).</summary>
    private sealed class NullKeyword : AstRewriter
    {
        protected override Expression VisitMemberExpression(MemberExpression memberExpression) =>
            memberExpression.Segments is [IdentifierSegment { Identifier: "null" }] ? new LiteralExpression(NilValue.Instance) : memberExpression;
    }

    /// <summary>A string writer that stops a render whose output grows past a limit.</summary>
    private sealed class BoundedWriter(int limit) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            Check(1);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Check(count);
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override void Write(string? value)
        {
            Check(value?.Length ?? 0);
            base.Write(value);
        }

        private void Check(int more)
        {
            if (GetStringBuilder().Length + more > limit)
            {
                throw new LiquidException($"The template renders more than {limit} characters");
            }
        }
    }
}
