using System.Globalization;
using System.Text.RegularExpressions;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// Parses the Liquid subset notices use: <c>{{ path | filter: arg }}</c>, <c>if/else/endif</c> (with ==, !=, &lt;, &gt;,
/// and, or), <c>for x in list</c> with <c>forloop.index</c>, <c>assign</c>, and the filters of <see cref="LiquidTemplate.Filters"/>.
/// Anything else is a syntax error located by line and column.
/// </summary>
internal sealed partial class LiquidParser(string source)
{
    private int _index;

    public List<LiquidNode> ParseAll()
    {
        var (nodes, end) = ParseBlock([]);
        return end is null ? nodes : throw Error($"Unexpected '{end.Value.Tag}'", end.Value.At);
    }

    private (List<LiquidNode> Nodes, (string Tag, string Arguments, int At)? End) ParseBlock(string[] terminators)
    {
        var nodes = new List<LiquidNode>();
        while (_index < source.Length)
        {
            var next = source.IndexOfAny(['{'], _index);
            while (next >= 0 && next + 1 < source.Length && source[next + 1] is not ('{' or '%'))
            {
                next = source.IndexOf('{', next + 1);
            }

            if (next < 0 || next + 1 >= source.Length)
            {
                nodes.Add(new TextNode(source[_index..]));
                _index = source.Length;
                break;
            }

            if (next > _index)
            {
                nodes.Add(new TextNode(source[_index..next]));
            }

            var isOutput = source[next + 1] == '{';
            var close = source.IndexOf(isOutput ? "}}" : "%}", next + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Error(isOutput ? "Unclosed output '{{'" : "Unclosed tag '{%'", next);
            }

            var inner = source[(next + 2)..close].Trim().Trim('-').Trim();
            _index = close + 2;
            if (isOutput)
            {
                nodes.Add(new OutputNode(Expression(inner, next)));
                continue;
            }

            var space = inner.IndexOf(' ', StringComparison.Ordinal);
            var tag = space < 0 ? inner : inner[..space];
            var rest = space < 0 ? "" : inner[(space + 1)..].Trim();
            if (terminators.Contains(tag))
            {
                return (nodes, (tag, rest, next));
            }

            nodes.Add(tag switch
            {
                "if" => If(rest, next),
                "for" => For(rest, next),
                "assign" => Assign(rest, next),
                _ => throw Error($"Unknown or misplaced tag '{tag}'", next),
            });
        }

        return terminators.Length == 0 ? (nodes, null) : throw Error($"Missing '{terminators[^1]}'", source.Length);
    }

    private IfNode If(string condition, int at)
    {
        var parsed = Condition(condition, at);
        var (then, end) = ParseBlock(["else", "endif"]);
        if (end!.Value.Tag == "endif")
        {
            return new(parsed, then, []);
        }

        var (otherwise, _) = ParseBlock(["endif"]);
        return new(parsed, then, otherwise);
    }

    private ForNode For(string rest, int at)
    {
        var match = ForSyntax().Match(rest);
        if (!match.Success)
        {
            throw Error("Invalid 'for' tag: expected 'for item in list'", at);
        }

        var (body, _) = ParseBlock(["endfor"]);
        return new(match.Groups[1].Value, Expression(match.Groups[2].Value, at), body);
    }

    private AssignNode Assign(string rest, int at)
    {
        var match = AssignSyntax().Match(rest);
        return match.Success
            ? new(match.Groups[1].Value, Expression(match.Groups[2].Value, at))
            : throw Error("Invalid 'assign' tag: expected 'assign name = value'", at);
    }

    private LiquidCondition Condition(string text, int at)
    {
        var parts = JoinWord().Split(text.Trim());
        LiquidCondition? result = null;
        for (var i = parts.Length - 1; i >= 0; i -= 2)
        {
            var comparison = Comparison().Match(parts[i].Trim());
            if (!comparison.Success)
            {
                throw Error("Invalid condition", at);
            }

            var left = Expression(comparison.Groups[1].Value, at);
            var op = comparison.Groups[2].Success ? comparison.Groups[2].Value : null;
            var right = op is null ? null : Expression(comparison.Groups[3].Value, at);
            result = new(left, op, right, i > 0 ? parts[i - 1] : null, result);
        }

        // Built right to left; the Join of each part names how it joins the previous one.
        return result ?? throw Error("Empty condition", at);
    }

    private LiquidExpression Expression(string text, int at)
    {
        var segments = SplitOutsideQuotes(text, '|');
        var head = segments[0].Trim();
        if (head.Length == 0)
        {
            throw Error("Empty expression", at);
        }

        var filters = segments.Skip(1).Select(f => Filter(f.Trim(), at)).ToArray();
        if (head[0] is '"' or '\'')
        {
            return head.Length >= 2 && head[^1] == head[0]
                ? new(head[1..^1], null, filters)
                : throw Error("Unclosed string", at);
        }

        if (decimal.TryParse(head, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return new(number, null, filters);
        }

        return head switch
        {
            "true" => new(true, null, filters),
            "false" => new(false, null, filters),
            "nil" or "null" => new(null, null, filters),
            "empty" or "blank" => new(LiquidTemplate.Empty, null, filters),
            _ when PathSyntax().IsMatch(head) => new(null, head.Split('.'), filters),
            _ => throw Error($"Invalid expression '{head}'", at),
        };
    }

    private LiquidFilter Filter(string text, int at)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim();
        if (!LiquidTemplate.Filters.Contains(name))
        {
            throw Error($"Unknown filter '{name}'", at);
        }

        var arguments = colon < 0
            ? []
            : SplitOutsideQuotes(text[(colon + 1)..], ',').Select(a => Expression(a, at)).ToArray();
        return new(name, arguments);
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private LiquidException Error(string message, int at)
    {
        var line = 1 + source.AsSpan(0, at).Count('\n');
        var column = at - (source.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return new LiquidException(string.Create(CultureInfo.InvariantCulture, $"{message} at ({line}:{column})"));
    }

    [GeneratedRegex(@"^([A-Za-z_]\w*)\s+in\s+(\S.*)$")]
    private static partial Regex ForSyntax();

    [GeneratedRegex(@"^([A-Za-z_]\w*)\s*=\s*(\S.*)$")]
    private static partial Regex AssignSyntax();

    [GeneratedRegex(@"\s+(and|or)\s+")]
    private static partial Regex JoinWord();

    [GeneratedRegex(@"^(.+?)(?:\s*(==|!=|>=|<=|>|<|contains)\s*(.+))?$")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")]
    private static partial Regex PathSyntax();
}
