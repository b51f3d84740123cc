using Notifications.Domain.Breach;
using Notifications.Domain.Containment;

namespace Notifications.Domain.Policy;

/// <summary>Checks a pack's containment playbook: known causes, titles in both languages, positive due periods, unique codes per plan.</summary>
internal static class ContainmentPlaybookValidator
{
    public static void Validate(List<string> errors, ContainmentPlaybook? playbook)
    {
        if (playbook is null)
        {
            return;
        }

        ValidateTemplates(errors, playbook.Common, "$.containment.common");
        PolicyPackValidator.Unique(errors, playbook.Common.Select(t => t.Code), "$.containment.common");
        var causes = PolicyPackValidator.CamelNames<BreachCause>();
        foreach (var (cause, templates) in playbook.ByCause)
        {
            var path = $"$.containment.byCause.{cause}";
            if (!causes.Contains(cause, StringComparer.Ordinal))
            {
                errors.Add($"{path}: unknown cause. Known: {string.Join(", ", causes)}.");
                continue;
            }

            ValidateTemplates(errors, templates, path);
            PolicyPackValidator.Unique(errors, templates.Select(t => t.Code), path);
            foreach (var code in templates.Select(t => t.Code).Intersect(playbook.Common.Select(t => t.Code), StringComparer.Ordinal))
            {
                errors.Add($"{path}: '{code}' is also a common task; codes must be unique within a plan.");
            }

            if (templates.Count(t => t.Kind == ContainmentTaskKind.DeletionConfirmation) > 1)
            {
                errors.Add($"{path}: at most one deletionConfirmation task per cause.");
            }
        }
    }

    private static void ValidateTemplates(List<string> errors, IReadOnlyList<ContainmentTaskTemplate> templates, string path)
    {
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            var at = $"{path}[{i}]";
            PolicyPackValidator.Require(errors, template.Code, $"{at}.code");
            PolicyPackValidator.Labels(errors, template.Title, $"{at}.title");
            PolicyPackValidator.Require(errors, template.OwnerRole, $"{at}.ownerRole");
            if (template.Due <= TimeSpan.Zero)
            {
                errors.Add($"{at}.due: must be a positive ISO 8601 duration such as PT4H.");
            }

            if (!Enum.IsDefined(template.Kind))
            {
                errors.Add($"{at}.kind: unknown kind.");
            }
        }
    }
}
