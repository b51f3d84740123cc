using System.Globalization;

namespace Notifications.Domain.Containment;

/// <summary>
/// The email that asks a wrong recipient of a misdirected email to delete it (or of a misdirected letter to destroy or
/// return it) and confirm. It names the public bodies and never the affected people or their information. English and
/// French carry the same information.
/// </summary>
public static class DeletionRequestEmail
{
    /// <summary>Composes the request.</summary>
    /// <param name="language"><c>en</c> or <c>fr</c>.</param>
    /// <param name="publicBodies">The public bodies that sent the email (at least one).</param>
    /// <param name="confirmUrl">The recipient's confirmation link.</param>
    /// <param name="expiresAt">When the link expires; written in its own offset.</param>
    /// <param name="item">What was misdirected: an email (delete it) or a letter (destroy or return it).</param>
    /// <exception cref="ArgumentException">Unknown language, no public body, or no link.</exception>
    public static (string Subject, string Body) Compose(
        string language, IReadOnlyList<string> publicBodies, string confirmUrl, DateTimeOffset expiresAt, MisdirectedItem item = MisdirectedItem.Email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(confirmUrl);
        ArgumentNullException.ThrowIfNull(publicBodies);
        var bodies = publicBodies.Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b.Trim()).ToArray();
        if (bodies.Length == 0)
        {
            throw new ArgumentException("At least one public body is required.", nameof(publicBodies));
        }

        return (language, item) switch
        {
            ("en", MisdirectedItem.Email) => English(bodies, confirmUrl, expiresAt),
            ("fr", MisdirectedItem.Email) => French(bodies, confirmUrl, expiresAt),
            ("en", MisdirectedItem.Letter) => EnglishLetter(bodies, confirmUrl, expiresAt),
            ("fr", MisdirectedItem.Letter) => FrenchLetter(bodies, confirmUrl, expiresAt),
            _ => throw new ArgumentException($"Unknown language '{language}'; use 'en' or 'fr'.", nameof(language)),
        };
    }

    private static (string, string) English(string[] bodies, string url, DateTimeOffset expiresAt)
    {
        var names = Join(bodies, "and");
        var body = $"""
            Hello,

            {names} sent you an email by mistake. It was meant for someone else and contains personal information about other people.

            Please help us protect their privacy:

            1. Delete the email and any copies of it, including from your deleted items folder.
            2. Do not forward, share or use the email or anything in it.
            3. Confirm that you have deleted it by opening this link before {EnglishDate(expiresAt)}:

            {url}

            Thank you for your help.

            {names}
            """;
        return ("Action required: delete an email sent to you by mistake", body);
    }

    private static (string, string) French(string[] bodies, string url, DateTimeOffset expiresAt)
    {
        var names = Join(bodies, "et");
        var verb = bodies.Length == 1 ? "vous a envoyé" : "vous ont envoyé";
        var body = $"""
            Bonjour,

            {names} {verb} un courriel par erreur. Ce courriel était destiné à quelqu'un d'autre et contient des renseignements personnels sur d'autres personnes.

            Veuillez nous aider à protéger leur vie privée :

            1. Supprimez le courriel et toute copie de celui-ci, y compris dans votre dossier des éléments supprimés.
            2. Ne transférez pas ce courriel, ne le communiquez à personne et n'en utilisez pas le contenu.
            3. Confirmez que vous l'avez supprimé en ouvrant le lien suivant avant le {FrenchDate(expiresAt)} :

            {url}

            Merci de votre collaboration.

            {names}
            """;
        return ("Action requise : supprimer un courriel qui vous a été envoyé par erreur", body);
    }

    private static (string, string) EnglishLetter(string[] bodies, string url, DateTimeOffset expiresAt)
    {
        var names = Join(bodies, "and");
        var body = $"""
            Hello,

            {names} mailed you a letter by mistake. It was meant for someone else and contains personal information about other people.

            Please help us protect their privacy:

            1. Destroy the letter and any copies of it (shred it), or return it to us unopened.
            2. Do not share or use the letter or anything in it.
            3. Confirm that you have destroyed or returned it by opening this link before {EnglishDate(expiresAt)}:

            {url}

            Thank you for your help.

            {names}
            """;
        return ("Action required: destroy a letter mailed to you by mistake", body);
    }

    private static (string, string) FrenchLetter(string[] bodies, string url, DateTimeOffset expiresAt)
    {
        var names = Join(bodies, "et");
        var verb = bodies.Length == 1 ? "vous a posté" : "vous ont posté";
        var body = $"""
            Bonjour,

            {names} {verb} une lettre par erreur. Cette lettre était destinée à quelqu'un d'autre et contient des renseignements personnels sur d'autres personnes.

            Veuillez nous aider à protéger leur vie privée :

            1. Détruisez la lettre et toute copie de celle-ci (déchiquetez-la), ou retournez-la-nous sans l'ouvrir.
            2. Ne communiquez pas cette lettre à personne et n'en utilisez pas le contenu.
            3. Confirmez que vous l'avez détruite ou retournée en ouvrant le lien suivant avant le {FrenchDate(expiresAt)} :

            {url}

            Merci de votre collaboration.

            {names}
            """;
        return ("Action requise : détruire une lettre qui vous a été postée par erreur", body);
    }

    private static string Join(string[] items, string and) =>
        items.Length == 1 ? items[0] : $"{string.Join(", ", items[..^1])} {and} {items[^1]}";

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] FrenchMonths =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>E.g. "August 5, 2024 at 16:00 (UTC-07:00)". Month names are spelled out here: the domain runs with invariant globalization.</summary>
    internal static string EnglishDate(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{EnglishMonths[at.Month - 1]} {at.Day}, {at.Year} at {at:HH:mm} ({Offset(at)})");

    /// <summary>E.g. "5 août 2024 à 16 h 00 (UTC-07:00)", Canadian French style.</summary>
    internal static string FrenchDate(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.Day} {FrenchMonths[at.Month - 1]} {at.Year} à {at:HH} h {at:mm} ({Offset(at)})");

    private static string Offset(DateTimeOffset at) =>
        at.Offset == TimeSpan.Zero ? "UTC" : string.Create(CultureInfo.InvariantCulture, $"UTC{(at.Offset < TimeSpan.Zero ? '-' : '+')}{at.Offset:hh\\:mm}");
}

/// <summary>What reached a wrong recipient by mistake.</summary>
public enum MisdirectedItem
{
    Email,
    Letter,
}
