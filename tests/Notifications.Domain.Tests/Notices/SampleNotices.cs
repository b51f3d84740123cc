using Notifications.Domain.Notices;
using Notifications.Domain.Recipients;

namespace Notifications.Domain.Tests.Notices;

/// <summary>Clean rendered notices shaped like the default templates, and the person they are for.</summary>
public static class SampleNotices
{
    public static LintSubject Jane { get; } = new(
        "P-000123", "Jane", "Doe", "jane.doe@example.org", "123 Fort Street, Victoria BC V8W 1A1", "en",
        [new PersonIdentifier("application", "A-2024-0001"), new PersonIdentifier("client", "CL778899")],
        BirthDate: new DateOnly(1990, 4, 17));

    public static LintSubject Neighbour { get; } = new(
        "P-000124", "Rahul", "Singh", "rahul.singh@example.net", null, "en",
        [new PersonIdentifier("application", "A-2024-0002"), new PersonIdentifier("client", "CL112233")]);

    public static RenderedNotice English(string greeting = "Dear Jane Doe,", string phone = "250-555-0100", string extra = "", bool caution = true) =>
        new("en", "Privacy breach notice from Ministry of Sample Services", $"""
            {greeting}

            Who is writing to you
            - Ministry of Sample Services

            What happened
            An email meant for one client was sent to other clients. {extra}
            When it happened: on 2024-08-03.

            What kinds of information were involved
            - name
            - application number

            What we are doing about it
            - We asked every recipient to delete the email.
            We have notified the Information and Privacy Commissioner for British Columbia.

            What you can do
            - Watch for messages that claim to come from us.

            Who to contact
            Privacy Office
            Email: privacy@example.gov.bc.ca
            Phone: {phone}

            A caution about email
            Email is not a secure channel. {(caution ? "We will never ask you for personal information by email." : "")}
            """, "sha256:test");

    public static RenderedNotice French(string phone = "250-555-0100", int kinds = 2) =>
        new("fr", "Avis d'atteinte à la vie privée de Ministry of Sample Services", $"""
            Bonjour Jane Doe,

            Qui vous écrit
            - Ministry of Sample Services

            Ce qui s’est passé
            Un courriel destiné à un client a été envoyé à d'autres clients.
            Quand : le 2024-08-03.

            Types de renseignements en cause
            - nom
            {(kinds > 1 ? "- numéro de demande" : "")}

            Ce que nous faisons
            - Nous avons demandé à chaque destinataire de supprimer le courriel.
            Nous avons avisé le commissaire à l'information et à la protection de la vie privée de la Colombie-Britannique.

            Ce que vous pouvez faire
            - Méfiez-vous des messages qui prétendent venir de nous.

            Pour nous joindre
            Bureau de la protection de la vie privée
            Courriel : privacy@example.gov.bc.ca
            Téléphone : {phone}

            Mise en garde au sujet du courriel
            Le courriel n'est pas sécuritaire. Nous ne vous demanderons jamais de renseignements personnels par courriel.
            """, "sha256:test");
}
