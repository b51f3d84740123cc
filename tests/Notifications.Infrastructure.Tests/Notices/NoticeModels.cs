using Notifications.Domain.Notices;
using Notifications.Domain.Policy;
using Notifications.Domain.Recipients;
using Notifications.Domain.Reports;
using Notifications.Infrastructure.Recipients;

namespace Notifications.Infrastructure.Tests.Notices;

/// <summary>Models of a seed-000-like incident and its people, built from the BC pack's labels.</summary>
public static class NoticeModels
{
    public static PolicyPack Pack => PolicyPacks.BcFoippaV1;

    private static readonly string[] Kinds = ["name", "applicationNumber", "clientId"];

    public static NoticeModel For(string language, string? given = "Jane", string? family = "Doe")
    {
        var fr = language == NoticeLanguage.French;
        return new(
            ["Ministry of Sample Services"],
            fr ? "Un courriel destiné à un client a été envoyé à d'autres clients." : "An email meant for one client was sent to other clients.",
            fr ? "le 2024-08-02" : "on 2024-08-02",
            Kinds.Select(k => Pack.FindPersonalInformation(k)!.Labels.Pick(language)).ToArray(),
            fr ? ["Nous avons demandé aux destinataires de supprimer le courriel.", "Nous changeons la façon de préparer les envois."]
               : ["We asked the recipients to delete the email.", "We are changing how mass mailings are prepared."],
            [fr ? "Méfiez-vous des messages qui prétendent venir de nous." : "Be wary of messages that claim to come from us."],
            new ContactPerson("Privacy Office", null, "privacy@example.gov.bc.ca", "250-555-0100"),
            CommissionerNotified: true,
            given,
            family,
            language);
    }

    public static StoredRecipient Recipient(string id, string given, string family, string email, string application, string language = "en") =>
        new("b0001", id, 1, id, given, family, email, null, language, "BC",
            [new PersonIdentifier("application", application), new PersonIdentifier("client", "CL" + application[^4..] + "77")],
            null, false, null, NoticeChannel.Email, StoredRecipient.Pending);
}
