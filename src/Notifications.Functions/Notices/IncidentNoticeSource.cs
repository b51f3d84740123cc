using System.Collections.Concurrent;
using System.Security.Cryptography;
using Notifications.Domain.Incidents;
using Notifications.Domain.Notices;
using Notifications.Domain.Policy;
using Notifications.Domain.Reports;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// The fan-out's notice builder: the run's pinned text (the approved content and the incident's facts as they were when
/// the run started), rendered with the pinned template version in the person's language and linted against everyone
/// else of the import. The pin is cached per run and the other-people index once per import, so a batch loads neither
/// per person.
/// Deterministic for a person; logs nothing of the content.
/// </summary>
public sealed class IncidentNoticeSource(
    IncidentStore incidents, RecipientStore recipients, FanOutPlanner planner, NoticeRenderer renderer, ContactPerson contact, TimeProvider time)
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
    private readonly ConcurrentDictionary<string, (string RunId, Task<NoticePin?> Pin)> _pins = new(StringComparer.Ordinal);

    /// <summary>
    /// The notice of a fan-out run, rendered from the text pinned when the run started. A run recorded without a pin
    /// (started before pins existed) renders from the incident as it is now.
    /// </summary>
    public async Task<NoticeOutcome> ForAsync(string incidentId, string runId, StoredRecipient person, CancellationToken ct)
    {
        var pin = await PinAsync(incidentId, runId, ct);
        if (pin is null)
        {
            return await ForAsync(incidentId, person, ct);
        }

        var templates = NoticeTemplateSet.Of(pin.Templates);
        if (pin.TemplateVersion != templates.Version)
        {
            return TemplateMismatch(pin.TemplateVersion, templates);
        }

        return await RenderAsync(incidentId, pin.ImportId, PolicyPacks.Get(pin.PackId, pin.PackVersion), templates,
            pin.For(person.Language, person.GivenName, person.FamilyName), person, ct);
    }

    /// <summary>The notice for <paramref name="person"/> from the incident as it is now (state cached for <see cref="StateTtl"/>).</summary>
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

        var templates = NoticeTemplateSet.Of(content.Templates);
        if (content.TemplateVersion != templates.Version)
        {
            return TemplateMismatch(content.TemplateVersion, templates);
        }

        var model = IncidentNoticeModel.For(state, content, contact, person.Language, person.GivenName, person.FamilyName);
        return await RenderAsync(incidentId, state.Recipients?.ImportId ?? "", IncidentDecider.PackOf(state), templates, model, person, ct);
    }

    /// <summary>
    /// The notice <paramref name="content"/> (submitted or approved) renders for <paramref name="person"/> now, with the
    /// linter's findings against everyone else of the import, for a person to read before approving or starting: the same
    /// templates, model and linter as the fan-out, whether or not the linter blocks it.
    /// </summary>
    /// <exception cref="NoticeTemplateException">The content's templates do not render.</exception>
    public async Task<(RenderedNotice Notice, LintResult Lint)> PreviewAsync(IncidentState state, NoticeContent content, StoredRecipient person, CancellationToken ct)
    {
        var templates = NoticeTemplateSet.Of(content.Templates);
        var model = IncidentNoticeModel.For(state, content, contact, person.Language, person.GivenName, person.FamilyName);
        var notice = renderer.Render(templates, model.AddressedTo(person.Addressee));
        var others = await IndexAsync(state.IncidentId, state.Recipients?.ImportId ?? "", ct);
        return (notice, NoticeLinter.Lint(notice, person.ToLintSubject(), others, IncidentDecider.PackOf(state)));
    }

    private async Task<NoticeOutcome> RenderAsync(string incidentId, string importId, PolicyPack pack, NoticeTemplateSet templates, NoticeModel model,
        StoredRecipient person, CancellationToken ct)
    {
        var notice = renderer.Render(templates, model.AddressedTo(person.Addressee)); // the person, or their guardian
        var others = await IndexAsync(incidentId, importId, ct);
        var lint = NoticeLinter.Lint(notice, person.ToLintSubject(), others, pack);
        if (lint.Blocked)
        {
            var first = lint.Findings[0];
            return new NoticeOutcome.Blocked(first.Code, string.Join(" ", lint.Findings.Select(f => f.Message)));
        }

        return new NoticeOutcome.Ready(notice.Subject, notice.Body, notice.Language);
    }

    private static NoticeOutcome TemplateMismatch(string approvedFor, NoticeTemplateSet templates) => new NoticeOutcome.Blocked(TemplateVersionCode,
        $"The content was approved for template version {approvedFor}; the templates are {templates.Version}.");

    /// <summary>A run's pin never changes once written, so it is cached for as long as the run is the incident's latest.</summary>
    private Task<NoticePin?> PinAsync(string incidentId, string runId, CancellationToken ct)
    {
        var entry = _pins.AddOrUpdate(incidentId,
            _ => (runId, planner.GetPinAsync(incidentId, runId, ct)),
            (_, existing) => existing.RunId == runId && existing.Pin.IsCompletedSuccessfully ? existing : (runId, planner.GetPinAsync(incidentId, runId, ct)));
        Trim(_pins);
        return entry.Pin;
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
        var everyone = await recipients.ReadImportAsync(incidentId, ct);
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
