namespace Notifications.Infrastructure.Notices;

/// <summary>
/// Walks a parsed template and reports every variable path it reads that is not a <see cref="NoticeVariables"/> name
/// (or a loop or assign variable the template declares), including paths in branches a sample render skips.
/// </summary>
internal static class VariableCollector
{
    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal) { "forloop" };

    /// <summary>The unknown variable paths of a template, in order of appearance, without repeats.</summary>
    public static IReadOnlyList<string> UnknownIn(LiquidTemplate template)
    {
        var unknown = new List<string>();
        Visit(template.Nodes, new HashSet<string>(StringComparer.Ordinal), unknown);
        return unknown.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void Visit(IEnumerable<LiquidNode> nodes, HashSet<string> declared, List<string> unknown)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case OutputNode output:
                    Check(output.Value, declared, unknown);
                    break;
                case AssignNode assign:
                    Check(assign.Value, declared, unknown);
                    declared.Add(assign.Variable);
                    break;
                case IfNode branch:
                    for (var c = branch.Condition; c is not null; c = c.Next)
                    {
                        Check(c.Left, declared, unknown);
                        if (c.Right is not null)
                        {
                            Check(c.Right, declared, unknown);
                        }
                    }

                    Visit(branch.Then, declared, unknown);
                    Visit(branch.Else, declared, unknown);
                    break;
                case ForNode loop:
                    Check(loop.Items, declared, unknown);
                    declared.Add(loop.Variable);
                    Visit(loop.Body, declared, unknown);
                    break;
            }
        }
    }

    private static void Check(LiquidExpression expression, HashSet<string> declared, List<string> unknown)
    {
        foreach (var argument in expression.Filters.SelectMany(f => f.Arguments))
        {
            Check(argument, declared, unknown);
        }

        if (expression.Path is not { Count: > 0 } path || declared.Contains(path[0]) || Builtins.Contains(path[0]))
        {
            return;
        }

        var root = path[0];
        var member = path.Count > 1 ? path[1] : null;
        var known = NoticeVariables.Names.Contains(root)
            && (root != "contact" || member is null || NoticeVariables.ContactMembers.Contains(member));
        if (!known)
        {
            unknown.Add(string.Join('.', path));
        }
    }
}
