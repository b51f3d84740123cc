using System.Globalization;
using Notifications.Domain.Breach;
using Notifications.Domain.Incidents;
using Notifications.Domain.Notices;
using Notifications.Domain.Reports;
using Notifications.Infrastructure.FanOut;

namespace Notifications.Functions.Notices;

/// <summary>The notice model of an incident in one language: the facts, the containment steps and the office's content.</summary>
public static class IncidentNoticeModel
{
    public static NoticeModel For(IncidentState state, NoticeContent content, ContactPerson contact, string language, string? givenName, string? familyName)
    {
        var lang = NoticeLanguage.Normalize(language);
        var fr = lang == NoticeLanguage.French;
        var facts = state.Facts ?? throw new InvalidOperationException("The incident has no facts.");
        var pack = IncidentDecider.PackOf(state);
        var kinds = facts.PersonalInformation
            .Select(code => pack.FindPersonalInformation(code)?.Labels.Pick(lang) ?? code)
            .ToArray();
        var templates = pack.Containment?.For(facts.Cause) ?? [];
        var steps = state.Tasks
            .Select(t =>
            {
                var title = fr ? templates.FirstOrDefault(x => x.Code == t.Task.Code)?.Title.Fr ?? t.Task.Title : t.Task.Title;
                var status = t.Done ? (fr ? "fait" : "done") : (fr ? "prévu" : "planned");
                return $"{title} ({status})";
            })
            .ToArray();
        var commissionerNotified = state.CommissionerReport is { ApprovedAt: not null } or { SentAt: not null } || state.EarlierReports.Count > 0;
        return new NoticeModel(
            facts.PublicBodies.Select(b => b.Name.Trim()).ToArray(),
            content.Summary.Pick(lang).Trim(),
            Occurred(facts.Occurred, fr),
            kinds,
            steps,
            content.StepsForPerson.Pick(lang).Select(s => s.Trim()).ToArray(),
            contact,
            commissionerNotified,
            givenName,
            familyName,
            lang);
    }

    /// <summary>The notice text a run started now pins: the approved content with the incident's facts, in both languages.</summary>
    public static NoticePin Pin(IncidentState state, ContactPerson contact)
    {
        var content = state.NoticeContent!.Approved!;
        return new NoticePin("", state.Recipients?.ImportId ?? "", content.TemplateVersion, state.PackId, state.PackVersion,
            NoticeLanguage.Both.ToDictionary(l => l, l => For(state, content, contact, l, null, null), StringComparer.Ordinal))
        {
            Templates = content.Templates,
        };
    }

    private static string Occurred(Occurrence occurred, bool fr) => occurred.Kind switch
    {
        OccurrenceKind.Date when occurred.On is { } on => fr ? $"le {Day(on)}" : $"on {Day(on)}",
        OccurrenceKind.Period when occurred.From is { } from => occurred.To is { } to
            ? fr ? $"entre le {Day(from)} et le {Day(to)}" : $"between {Day(from)} and {Day(to)}"
            : fr ? $"depuis le {Day(from)}" : $"since {Day(from)}",
        _ => fr ? "à une date encore inconnue" : "at a date not yet known",
    };

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
