using Notifications.Domain.Notices;
using Notifications.Domain.Policy;
using Notifications.Domain.Recipients;

namespace Notifications.Infrastructure.Notices;

/// <summary>
/// The template check of a notice sent to a guardian (<see cref="NoticeAddressee"/>): rendered from the person's sample
/// once with a guardian's name and once without, it must carry every element (and the values) a person's notice
/// carries, say it is about the person in the guardian's care, greet the guardian (by name when there is one) and not
/// the person in their care.
/// </summary>
internal static class GuardianVariant
{
    /// <summary>The guardian's name in the samples.</summary>
    public const string SampleGuardianName = "Sampleguardian Sampleparent";

    /// <summary>The problems of the guardian variant in the sample's language.</summary>
    public static IEnumerable<TemplateProblem> Problems(NoticeRenderer renderer, NoticeTemplateSet set, NoticeModel personSample, PolicyPack pack)
    {
        foreach (var name in new[] { SampleGuardianName, null })
        {
            var sample = personSample.AddressedTo(new NoticeAddressee(true, name));
            var notice = renderer.Render(set, sample);
            var variant = name is null ? "to a guardian without a name" : "to a guardian";
            foreach (var problem in NoticeTemplateChecker.Elements(notice, sample, pack, variant))
            {
                yield return problem;
            }

            if (NoticeLinter.GreetsPersonInCare(notice, sample.GivenName, sample.FamilyName))
            {
                yield return new(TemplateProblemCodes.GuardianVariant,
                    $"{notice.Language} ({variant}): the greeting names the person in the guardian's care; use to_guardian and guardian_name to greet the guardian.",
                    notice.Language, "body");
            }

            if (name is not null && !notice.Body.Contains(name, StringComparison.Ordinal))
            {
                yield return new(TemplateProblemCodes.GuardianVariant,
                    $"{notice.Language} ({variant}): the notice does not greet the guardian by guardian_name.", notice.Language, "body");
            }
        }
    }
}
