using Fluid;
using Fluid.Ast;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// Walks a parsed template and reports every variable path it reads that is not a <see cref="NoticeVariables"/> name
/// (or a loop, assign or capture variable the template declares), including paths in branches a sample render skips.
/// </summary>
internal sealed class VariableCollector : AstVisitor
{
    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal) { "forloop", "empty", "blank", "nil", "null", "true", "false" };
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly List<string> _unknown = [];

    /// <summary>The unknown variable paths of a template, in order of appearance, without repeats.</summary>
    public static IReadOnlyList<string> UnknownIn(IFluidTemplate template)
    {
        var collector = new VariableCollector();
        collector.VisitTemplate(template);
        return collector._unknown.Distinct(StringComparer.Ordinal).ToArray();
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        _declared.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        _declared.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        _declared.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        var names = memberExpression.Segments.Select(s => s is IdentifierSegment id ? id.Identifier : null).ToArray();
        if (names.Length > 0 && names[0] is { } root && !_declared.Contains(root) && !Builtins.Contains(root))
        {
            var path = string.Join('.', names.TakeWhile(n => n is not null));
            if (!NoticeVariables.Names.Contains(root)
                || (root == "contact" && names.Length > 1 && (names[1] is null || !NoticeVariables.ContactMembers.Contains(names[1]!))))
            {
                _unknown.Add(path);
            }
        }

        return base.VisitMemberExpression(memberExpression);
    }
}
