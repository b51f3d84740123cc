namespace Notifications.Domain.Containment;

/// <summary>A containment task planned for one incident.</summary>
/// <param name="TaskId">Deterministic id, <c>task-</c> + <paramref name="Code"/>; unique within the plan.</param>
/// <param name="Code">The pack template's code (e.g. <c>confirmDeletion</c>).</param>
/// <param name="Title">What to do, in English (the officer's record).</param>
/// <param name="Owner">The role that does it (e.g. <c>PrivacyOfficer</c>, <c>ProgramArea</c>, <c>IT</c>).</param>
/// <param name="DueAt">When it is due: the planning time plus the template's due period.</param>
/// <param name="Kind">How it is carried out.</param>
public sealed record ContainmentTask(string TaskId, string Code, string Title, string Owner, DateTimeOffset DueAt, ContainmentTaskKind Kind);
