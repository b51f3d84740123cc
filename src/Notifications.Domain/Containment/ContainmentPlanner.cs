using Notifications.Domain.Breach;
using Notifications.Domain.Policy;

namespace Notifications.Domain.Containment;

/// <summary>
/// Plans the containment tasks for a breach from the pack's playbook: the cause's tasks, then the tasks common to every
/// breach. Pure: the same cause, pack and time always give the same plan.
/// </summary>
public static class ContainmentPlanner
{
    /// <summary>The task id prefix; a task's id is the prefix followed by its code.</summary>
    public const string TaskIdPrefix = "task-";

    /// <summary>Plans the tasks for the breach's cause.</summary>
    /// <param name="facts">The breach facts; only the cause is read.</param>
    /// <param name="pack">A loaded policy pack. A pack without a containment playbook gives an empty plan.</param>
    /// <param name="now">When the plan is made; each task is due a template's period after it.</param>
    /// <returns>The tasks in the pack's order, with ids <c>task-</c> + code, unique within the plan (the pack validator ensures it).</returns>
    public static IReadOnlyList<ContainmentTask> Plan(BreachFacts facts, PolicyPack pack, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(pack);
        if (!Enum.IsDefined(facts.Cause))
        {
            throw new ArgumentException($"Unknown cause '{facts.Cause}'.", nameof(facts));
        }

        var templates = pack.Containment?.For(facts.Cause) ?? [];
        return templates
            .Select(t => new ContainmentTask(TaskIdPrefix + t.Code, t.Code, t.Title.En, t.OwnerRole, now + t.Due, t.Kind))
            .ToArray();
    }
}
