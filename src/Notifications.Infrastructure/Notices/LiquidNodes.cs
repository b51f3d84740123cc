namespace Notifications.Infrastructure.Notices;

/// <summary>A parsed template part: literal text, an output, a condition, a loop or an assignment.</summary>
internal abstract record LiquidNode;

internal sealed record TextNode(string Text) : LiquidNode;

internal sealed record OutputNode(LiquidExpression Value) : LiquidNode;

internal sealed record IfNode(LiquidCondition Condition, IReadOnlyList<LiquidNode> Then, IReadOnlyList<LiquidNode> Else) : LiquidNode;

internal sealed record ForNode(string Variable, LiquidExpression Items, IReadOnlyList<LiquidNode> Body) : LiquidNode;

internal sealed record AssignNode(string Variable, LiquidExpression Value) : LiquidNode;

/// <summary>A literal or a variable path, then filters.</summary>
internal sealed record LiquidExpression(object? Literal, IReadOnlyList<string>? Path, IReadOnlyList<LiquidFilter> Filters);

internal sealed record LiquidFilter(string Name, IReadOnlyList<LiquidExpression> Arguments);

/// <summary>Comparisons joined left to right by <c>and</c> / <c>or</c>.</summary>
internal sealed record LiquidCondition(LiquidExpression Left, string? Operator, LiquidExpression? Right, string? Join = null, LiquidCondition? Next = null);

/// <summary>A template that cannot parse or render; the message carries "(line:column)" when it is a syntax error.</summary>
public sealed class LiquidException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LiquidException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LiquidException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LiquidException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
