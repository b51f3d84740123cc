using Fluid.Ast;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// Walks a parsed template in source order and reports every variable path it reads that is not a
/// <see cref="NoticeVariables"/> name (or a loop, assign or capture variable the template declares before), including
/// paths in branches a sample render skips, and every filter it names.
/// </summary>
internal sealed class VariableCollector : AstVisitor
{
    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal) { "forloop" };

    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly List<string> _unknown = [];
    private readonly List<string> _filters = [];

    private VariableCollector()
    {
    }

    /// <summary>The unknown variable paths of a template, in order of appearance, without repeats.</summary>
    public static IReadOnlyList<string> UnknownIn(LiquidTemplate template) => Walk(template)._unknown.Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The filter names a template uses, in order of appearance, without repeats.</summary>
    public static IReadOnlyList<string> FiltersIn(LiquidTemplate template) => Walk(template)._filters.Distinct(StringComparer.Ordinal).ToArray();

    private static VariableCollector Walk(LiquidTemplate template)
    {
        var collector = new VariableCollector();
        collector.VisitTemplate(template.Parsed);
        return collector;
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        Visit(assignStatement.Value);
        _declared.Add(assignStatement.Identifier);
        return assignStatement;
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        base.VisitCaptureStatement(captureStatement);
        _declared.Add(captureStatement.Identifier);
        return captureStatement;
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        Visit(forStatement.Source);
        Visit(forStatement.Limit);
        Visit(forStatement.Offset);
        _declared.Add(forStatement.Identifier);
        foreach (var statement in forStatement.Statements)
        {
            Visit(statement);
        }

        Visit(forStatement.Else);
        return forStatement;
    }

    /// <summary>In source order (Fluid's base visits the else branch first), so an assign is seen before its use.</summary>
    protected override Statement VisitIfStatement(IfStatement ifStatement)
    {
        Visit(ifStatement.Condition);
        foreach (var statement in ifStatement.Statements)
        {
            Visit(statement);
        }

        foreach (var elseIf in ifStatement.ElseIfs)
        {
            Visit(elseIf);
        }

        Visit(ifStatement.Else);
        return ifStatement;
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        Visit(filterExpression.Input);
        _filters.Add(filterExpression.Name);
        foreach (var parameter in filterExpression.Parameters)
        {
            Visit(parameter.Expression);
        }

        return filterExpression;
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        var segments = memberExpression.Segments;
        foreach (var indexer in segments.OfType<IndexerSegment>())
        {
            Visit(indexer.Expression);
        }

        if (segments[0] is not IdentifierSegment { Identifier: var root } || _declared.Contains(root) || Builtins.Contains(root))
        {
            return memberExpression;
        }

        var member = segments.Count > 1 ? MemberName(segments[1]) : null;
        var known = NoticeVariables.Names.Contains(root)
            && (root != "contact" || segments.Count == 1 || (member is not null && NoticeVariables.ContactMembers.Contains(member)));
        if (!known)
        {
            _unknown.Add(root + string.Concat(segments.Skip(1).Select(s => "." + (MemberName(s) ?? "[...]"))));
        }

        return memberExpression;
    }

    /// <summary>A member's name: <c>.name</c> or <c>["name"]</c>; null when the index is computed.</summary>
    private static string? MemberName(MemberSegment segment) => segment switch
    {
        IdentifierSegment identifier => identifier.Identifier,
        IndexerSegment { Expression: LiteralExpression literal } => literal.Value.ToStringValue(),
        _ => null,
    };
}
