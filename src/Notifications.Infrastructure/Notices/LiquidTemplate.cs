using System.Collections;
using System.Globalization;
using System.Text;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// A parsed notice template in a small Liquid subset (see <see cref="LiquidParser"/>), rendered as plain text with
/// strict variables: reading a name or member that does not exist is an error, never empty text. Values are data:
/// a value that contains Liquid is printed as written. Immutable and thread-safe once parsed.
/// </summary>
/// <remarks>
/// Fluid.Core 2.41.1 was the plan, but it is built against Parlot 1.5.9 and the package registry here only holds
/// Parlot 2.2.1, with which <c>new FluidParser()</c> fails (MissingMethodException). This subset covers what notice
/// templates need; the template syntax is Liquid, so templates stay portable if Fluid becomes usable.
/// </remarks>
internal sealed class LiquidTemplate
{
    /// <summary>Stands for <c>empty</c> / <c>blank</c> in comparisons.</summary>
    public static readonly object Empty = new();

    /// <summary>The filters templates may use.</summary>
    public static IReadOnlySet<string> Filters { get; } = new HashSet<string>(StringComparer.Ordinal) { "join", "size", "upcase", "downcase", "strip", "default", "append", "prepend" };

    private LiquidTemplate(IReadOnlyList<LiquidNode> nodes) => Nodes = nodes;

    /// <summary>The parsed nodes.</summary>
    public IReadOnlyList<LiquidNode> Nodes { get; }

    /// <summary>Parses a source; false with a located error ("... at (line:column)") when it is not valid.</summary>
    public static bool TryParse(string source, out LiquidTemplate template, out string error)
    {
        try
        {
            template = new LiquidTemplate(new LiquidParser(source).ParseAll());
            error = "";
            return true;
        }
        catch (LiquidException e)
        {
            template = new LiquidTemplate([]);
            error = e.Message;
            return false;
        }
    }

    /// <summary>Renders with these variables.</summary>
    /// <exception cref="LiquidException">The template reads a variable or member that does not exist.</exception>
    public string Render(IReadOnlyDictionary<string, object?> variables)
    {
        var output = new StringBuilder();
        var scope = new Dictionary<string, object?>(variables, StringComparer.Ordinal);
        RenderNodes(Nodes, scope, output);
        return output.ToString();
    }

    private static void RenderNodes(IReadOnlyList<LiquidNode> nodes, Dictionary<string, object?> scope, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case OutputNode value:
                    output.Append(Text(Evaluate(value.Value, scope)));
                    break;
                case IfNode branch:
                    RenderNodes(IsTrue(branch.Condition, scope) ? branch.Then : branch.Else, scope, output);
                    break;
                case AssignNode assign:
                    scope[assign.Variable] = Evaluate(assign.Value, scope);
                    break;
                case ForNode loop:
                    var items = Evaluate(loop.Items, scope) is IEnumerable list and not string ? list.Cast<object?>().ToArray() : [];
                    var saved = (scope.GetValueOrDefault(loop.Variable), scope.GetValueOrDefault("forloop"));
                    for (var i = 0; i < items.Length; i++)
                    {
                        scope[loop.Variable] = items[i];
                        scope["forloop"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                        {
                            ["index"] = (decimal)(i + 1), ["index0"] = (decimal)i, ["first"] = i == 0, ["last"] = i == items.Length - 1, ["length"] = (decimal)items.Length,
                        };
                        RenderNodes(loop.Body, scope, output);
                    }

                    (scope[loop.Variable], scope["forloop"]) = saved;
                    break;
            }
        }
    }

    private static bool IsTrue(LiquidCondition condition, Dictionary<string, object?> scope)
    {
        var result = Compare(condition, scope);
        for (var next = condition.Next; next is not null; next = next.Next)
        {
            result = next.Join == "and" ? result && Compare(next, scope) : result || Compare(next, scope);
        }

        return result;
    }

    private static bool Compare(LiquidCondition c, Dictionary<string, object?> scope)
    {
        var left = Evaluate(c.Left, scope);
        if (c.Operator is null)
        {
            return left is not (null or false);
        }

        var right = Evaluate(c.Right!, scope);
        return c.Operator switch
        {
            "==" => Same(left, right),
            "!=" => !Same(left, right),
            "contains" => left is string s ? s.Contains(Text(right), StringComparison.Ordinal) : left is IEnumerable e && e.Cast<object?>().Any(x => Same(x, right)),
            _ => left is decimal a && right is decimal b && c.Operator switch { ">" => a > b, "<" => a < b, ">=" => a >= b, _ => a <= b },
        };
    }

    private static bool Same(object? a, object? b)
    {
        static bool IsEmpty(object? x) => x is "" || (x is ICollection { Count: 0 });
        return ReferenceEquals(a, Empty) ? IsEmpty(b) : ReferenceEquals(b, Empty) ? IsEmpty(a) : Equals(a, b);
    }

    private static object? Evaluate(LiquidExpression e, Dictionary<string, object?> scope)
    {
        var value = e.Path is null ? e.Literal : Lookup(e.Path, scope);
        foreach (var filter in e.Filters)
        {
            var args = filter.Arguments.Select(a => Evaluate(a, scope)).ToArray();
            value = filter.Name switch
            {
                "join" => value is IEnumerable list and not string ? string.Join(args.Length > 0 ? Text(args[0]) : " ", list.Cast<object?>().Select(Text)) : Text(value),
                "size" => (decimal)(value is string s ? s.Length : value is ICollection c ? c.Count : 0),
                "upcase" => Text(value).ToUpperInvariant(),
                "downcase" => Text(value).ToLowerInvariant(),
                "strip" => Text(value).Trim(),
                "default" => value is null or false or "" ? args.FirstOrDefault() : value,
                "append" => Text(value) + Text(args.FirstOrDefault()),
                _ => Text(args.FirstOrDefault()) + Text(value),
            };
        }

        return value;
    }

    private static object? Lookup(IReadOnlyList<string> path, Dictionary<string, object?> scope)
    {
        if (!scope.TryGetValue(path[0], out var value))
        {
            throw new LiquidException($"Undefined variable '{path[0]}'");
        }

        for (var i = 1; i < path.Count; i++)
        {
            value = value switch
            {
                IReadOnlyDictionary<string, object?> members when members.TryGetValue(path[i], out var member) => member,
                _ when path[i] == "size" && value is string or ICollection => (decimal)(value is string s ? s.Length : ((ICollection)value!).Count),
                _ when path[i] == "first" && value is IList { Count: > 0 } list => list[0],
                _ => throw new LiquidException($"Undefined variable '{string.Join('.', path.Take(i + 1))}'"),
            };
        }

        return value;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IEnumerable list => string.Concat(list.Cast<object?>().Select(Text)),
        _ => ReferenceEquals(value, Empty) ? "" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
