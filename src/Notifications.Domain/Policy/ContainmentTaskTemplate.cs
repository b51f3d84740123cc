using Notifications.Domain.Containment;

namespace Notifications.Domain.Policy;

/// <summary>One task of a containment playbook, before it is planned for an incident.</summary>
/// <param name="Code">Stable camelCase code, unique within a plan (the task id is <c>task-</c> + code).</param>
/// <param name="Title">What to do, in both languages.</param>
/// <param name="OwnerRole">Who does it (e.g. <c>PrivacyOfficer</c>, <c>ProgramArea</c>, <c>IT</c>).</param>
/// <param name="Due">How long after planning it is due (ISO 8601 duration, e.g. <c>PT4H</c>).</param>
/// <param name="Kind">How it is carried out.</param>
public sealed record ContainmentTaskTemplate(string Code, LocalizedText Title, string OwnerRole, TimeSpan Due, ContainmentTaskKind Kind);
