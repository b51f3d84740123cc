using Microsoft.DurableTask.Client;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Domain.Notices;
using Notifications.Domain.Reports;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// The edge's use of <see cref="NoticeContentCheck"/> (issue 14): the incident's rules (its pack and facts, the office's
/// own contact details, the import's identifier kinds) and the people of its current import, read from the recipients
/// store once per import and kept only as a salted hash index. The submission, the import, start, resume and the public
/// page call it; the check itself is pure. Logs ids and counts, never the content.
/// </summary>
public sealed partial class NoticeContentScreen(
    RecipientStore recipients, FanOutPlanner planner, FanOutProgress progress, FanOutControl control, IncidentCommands commands,
    ContactPerson office, ILogger<NoticeContentScreen> logger)
{
    /// <summary>An index of a large import holds a few million hashes; the incidents being worked on at once are few.</summary>
    private const int MaxIncidentsCached = 4;

    private readonly ConcurrentDictionary<string, (string ImportId, Lazy<Task<ImportedPeople>> People)> _people = new(StringComparer.Ordinal);

    /// <summary>The findings in <paramref name="content"/>, against the people of the incident's current import.</summary>
    public async Task<IReadOnlyList<ContentFinding>> CheckAsync(IncidentState state, NoticeContent content, CancellationToken ct)
    {
        var people = await PeopleAsync(state.IncidentId, ct);
        return NoticeContentCheck.Check(content, Rules(state, people), people?.Index);
    }

    /// <summary>The findings by shape alone (no people): cheap enough for every anonymous request of the public page.</summary>
    public IReadOnlyList<ContentFinding> CheckText(IncidentState state, NoticeContent content) =>
        NoticeContentCheck.Check(content, Rules(state, null));

    /// <summary>
    /// The check after an import (whose manifest is committed, so it is the current one): the submitted and the approved
    /// content, and the text pinned by a run that is still sending. Halts that run when its text has a finding.
    /// </summary>
    public async Task<IReadOnlyList<NoticeContentFinding>> RecheckAsync(IncidentState state, CancellationToken ct)
    {
        var findings = new List<NoticeContentFinding>();
        if (state.NoticeContent is not { } content)
        {
            return findings;
        }

        findings.AddRange(Targeted(NoticeContentTargets.Submitted, await CheckAsync(state, content.Submitted, ct)));
        if (content.Approved is { } approved)
        {
            findings.AddRange(Targeted(NoticeContentTargets.Approved, await CheckAsync(state, approved, ct)));
        }

        var run = await RunFindingsAsync(state, ct);
        findings.AddRange(run);
        if (run.Count > 0)
        {
            await control.HaltAsync(state.IncidentId, ct);
            LogRunHalted(state.IncidentId, run.Count);
        }

        if (findings.Count > 0)
        {
            LogHeld(state.IncidentId, findings.Count);
        }

        return findings;
    }

    /// <summary>
    /// Before a run starts (<paramref name="target"/> approved) or resumes (run): a 409 naming the fields and kinds when
    /// the text to send has a finding now, which is recorded as a hold; null when it is clean.
    /// </summary>
    public async Task<ProblemHttpResult?> RefuseAsync(DurableTaskClient durable, IncidentState state, string target, Actor actor, CancellationToken ct)
    {
        var findings = target == NoticeContentTargets.Run
            ? await RunFindingsAsync(state, ct)
            : state.NoticeContent?.Approved is { } approved ? Targeted(target, await CheckAsync(state, approved, ct)) : [];
        if (findings.Count == 0)
        {
            return null;
        }

        var importId = state.Recipients?.ImportId ?? "";
        var held = new NoticeContentHeld(importId, findings) { EventId = $"notice-content-held:{target}:{importId}:{state.NoticeContent?.ApprovedAt?.UtcTicks}" };
        // Recorded in the history by the incident (refused there if it was closed meanwhile: the refusal stands anyway).
        await commands.DecideAsync(durable, state.IncidentId, held, actor, ct);

        LogHeld(state.IncidentId, findings.Count);
        return WorkflowCalls.Conflict(Reason(target, findings));
    }

    /// <summary>Why notices cannot go out with this text: the fields and kinds, never the values.</summary>
    public static string Reason(string target, IEnumerable<NoticeContentFinding> findings)
    {
        var list = string.Join("; ", findings.Where(f => f.Target == target).Select(f => $"{f.Field}: {f.Kind}").Distinct());
        return target == NoticeContentTargets.Run
            ? $"The text this run sends carries personal information ({list}); it stays halted. Complete the notices another way (letters, indirect notice)."
            : $"The {target} notice content carries personal information ({list}). Submit it again without it and have it approved.";
    }

    /// <summary>The findings as field-level validation errors: "kind: message" under each field path.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<ContentFinding> findings) =>
        findings.GroupBy(f => f.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(f => $"{f.Kind}: {f.Message}").ToArray());

    private static List<NoticeContentFinding> Targeted(string target, IEnumerable<ContentFinding> findings) =>
        [.. findings.Select(f => new NoticeContentFinding(target, f.Field, f.Kind))];

    /// <summary>The findings in the text pinned by the incident's run, while the run has something left to send.</summary>
    private async Task<List<NoticeContentFinding>> RunFindingsAsync(IncidentState state, CancellationToken ct)
    {
        if (await planner.GetRunAsync(state.IncidentId, ct) is not { } run || await progress.IsCompleteAsync(state.IncidentId, ct)
            || await planner.GetPinAsync(state.IncidentId, run.RunId, ct) is not { } pin
            || !pin.Models.TryGetValue(NoticeLanguage.English, out var en) || !pin.Models.TryGetValue(NoticeLanguage.French, out var fr))
        {
            return [];
        }

        var pinned = new NoticeContent(new(en.BreachSummary, fr.BreachSummary), new(en.StepsForPerson, fr.StepsForPerson), pin.TemplateVersion)
        {
            Templates = pin.Templates,
        };
        return Targeted(NoticeContentTargets.Run, await CheckAsync(state, pinned, ct));
    }

    private ContentRules Rules(IncidentState state, ImportedPeople? people) =>
        ContentRules.For(IncidentDecider.PackOf(state), state.Facts, office, people?.IdentifierKinds ?? []);

    /// <summary>The current import's people, built once per import (the manifest names it) and shared by concurrent callers.</summary>
    private async Task<ImportedPeople?> PeopleAsync(string incidentId, CancellationToken ct)
    {
        if (await recipients.GetManifestAsync(incidentId, ct) is not { } manifest)
        {
            return null;
        }

        var entry = _people.AddOrUpdate(incidentId,
            _ => (manifest.ImportId, New(incidentId)),
            (_, existing) => existing.ImportId == manifest.ImportId && !existing.People.Value.IsFaulted && !existing.People.Value.IsCanceled
                ? existing
                : (manifest.ImportId, New(incidentId)));
        if (_people.Count > MaxIncidentsCached)
        {
            _people.Clear();
        }

        return await entry.People.Value;
    }

    private Lazy<Task<ImportedPeople>> New(string incidentId) =>
        new(() => BuildAsync(incidentId, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

    private async Task<ImportedPeople> BuildAsync(string incidentId, CancellationToken ct)
    {
        var everyone = new List<LintSubject>();
        var kinds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in await recipients.ReadImportAsync(incidentId, ct))
        {
            everyone.Add(person.ToLintSubject());
            kinds.UnionWith(person.Identifiers.Select(i => i.Kind));
        }

        return new(OtherPeopleIndex.ForText(everyone, RandomNumberGenerator.GetBytes(16)), [.. kinds]);
    }

    private sealed record ImportedPeople(OtherPeopleIndex Index, IReadOnlyList<string> IdentifierKinds);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Warning, Message = "Incident {IncidentId}: notice content held, {Findings} personal-information finding(s)")]
    private partial void LogHeld(string incidentId, int findings);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Warning, Message = "Incident {IncidentId}: fan-out halted, its pinned text has {Findings} personal-information finding(s)")]
    private partial void LogRunHalted(string incidentId, int findings);
}
