using System.Collections.Concurrent;
using System.Security.Cryptography;
using Notifications.Domain.Incidents;
using Notifications.Domain.Notices;
using Notifications.Domain.Reports;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// The fan-out's notice builder: the approved content and the incident's facts, rendered with the pinned template
/// version in the person's language and linted against everyone else of the import. The incident state is cached for
/// <see cref="StateTtl"/> and the other-people index once per import, so a batch loads neither per person.
/// Deterministic for a person; logs nothing of the content.
/// </summary>
public sealed class IncidentNoticeSource(IncidentStore incidents, RecipientStore recipients, NoticeRenderer renderer, ContactPerson contact, TimeProvider time)
    : INoticeSource
{
    public static readonly TimeSpan StateTtl = TimeSpan.FromSeconds(30);

    /// <summary>Code recorded when the approved content was written for another template version than the deployed one.</summary>
    public const string TemplateVersionCode = "template-version";

    /// <summary>Code recorded when no content is approved (the fan-out was started around the endpoint's checks).</summary>
    public const string NotApprovedCode = "content-not-approved";

    private const int MaxIncidentsCached = 32;

    private readonly ConcurrentDictionary<string, (DateTimeOffset LoadedAt, Task<IncidentState> State)> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string ImportId, Lazy<Task<OtherPeopleIndex>> Index)> _indexes = new(StringComparer.Ordinal);

    public NoticeTemplateSet Templates { get; init; } = NoticeTemplateSet.Default;

    public async Task<NoticeOutcome> ForAsync(string incidentId, StoredRecipient person, CancellationToken ct) =>
        await ForAsync(await StateAsync(incidentId, ct), person, ct);

    /// <summary>
    /// The notice for a person rendered from a state the caller has loaded (not the cached one), so a caller that checked
    /// the state renders exactly what it checked. The other-people index is still built once per import.
    /// </summary>
    public async Task<NoticeOutcome> ForAsync(IncidentState state, StoredRecipient person, CancellationToken ct)
    {
        var incidentId = state.IncidentId;
        if (state.NoticeContent?.Approved is not { } content)
        {
            return new NoticeOutcome.Blocked(NotApprovedCode, "No notice content is approved for this incident.");
        }

        if (content.TemplateVersion != Templates.Version)
        {
            return new NoticeOutcome.Blocked(TemplateVersionCode,
                $"The content was approved for template version {content.TemplateVersion}; the deployed templates are {Templates.Version}.");
        }

        var model = IncidentNoticeModel.For(state, content, contact, person.Language, person.GivenName, person.FamilyName);
        var notice = renderer.Render(Templates, model);
        var others = await IndexAsync(incidentId, state.Recipients?.ImportId ?? "", ct);
        var lint = NoticeLinter.Lint(notice, person.ToLintSubject(), others, IncidentDecider.PackOf(state));
        if (lint.Blocked)
        {
            var first = lint.Findings[0];
            return new NoticeOutcome.Blocked(first.Code, string.Join(" ", lint.Findings.Select(f => f.Message)));
        }

        return new NoticeOutcome.Ready(notice.Subject, notice.Body, notice.Language);
    }

    private Task<IncidentState> StateAsync(string incidentId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_states.TryGetValue(incidentId, out var cached) && now - cached.LoadedAt < StateTtl && !cached.State.IsFaulted && !cached.State.IsCanceled)
        {
            return cached.State;
        }

        Trim(_states);
        var load = LoadAsync(incidentId, ct);
        _states[incidentId] = (now, load);
        return load;
    }

    private async Task<IncidentState> LoadAsync(string incidentId, CancellationToken ct)
    {
        var (state, _) = await incidents.LoadAsync(incidentId, ct);
        return state;
    }

    private Task<OtherPeopleIndex> IndexAsync(string incidentId, string importId, CancellationToken ct)
    {
        var entry = _indexes.AddOrUpdate(incidentId,
            _ => (importId, NewIndex(incidentId, ct)),
            (_, existing) => existing.ImportId == importId && !existing.Index.Value.IsFaulted && !existing.Index.Value.IsCanceled
                ? existing
                : (importId, NewIndex(incidentId, ct)));
        Trim(_indexes);
        return entry.Index.Value;
    }

    private Lazy<Task<OtherPeopleIndex>> NewIndex(string incidentId, CancellationToken ct) =>
        new(() => BuildIndexAsync(incidentId, ct), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Everyone of the current import, hashed with a salt of this process (the index keeps hashes only).</summary>
    private async Task<OtherPeopleIndex> BuildIndexAsync(string incidentId, CancellationToken ct)
    {
        var everyone = new List<StoredRecipient>();
        foreach (var batch in await recipients.ListBatchesAsync(incidentId, ct))
        {
            everyone.AddRange(await recipients.ReadBatchAsync(batch, ct));
        }

        return everyone.ToOtherPeopleIndex(RandomNumberGenerator.GetBytes(16));
    }

    private static void Trim<T>(ConcurrentDictionary<string, T> cache)
    {
        if (cache.Count > MaxIncidentsCached)
        {
            cache.Clear();
        }
    }
}
