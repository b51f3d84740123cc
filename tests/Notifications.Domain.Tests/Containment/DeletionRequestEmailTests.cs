using Notifications.Domain.Containment;

namespace Notifications.Domain.Tests.Containment;

/// <summary>The request to a wrong recipient: same information in English and French, no information about the affected people.</summary>
public sealed class DeletionRequestEmailTests
{
    private const string Url = "https://notify.example.gc.ca/confirm/abc123";
    private static readonly DateTimeOffset Expires = new(2024, 8, 5, 16, 0, 0, TimeSpan.FromHours(-7));
    private static readonly string[] Body = ["Ministry of Citizens' Services"];

    public static TheoryData<string, string, string> Languages => new()
    {
        { "en", "August 5, 2024 at 16:00 (UTC-07:00)", "Ministry of Citizens' Services" },
        { "fr", "5 août 2024 à 16 h 00 (UTC-07:00)", "Ministry of Citizens' Services" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Compose_EachLanguage_HasTheLinkTheExpiryAndThePublicBody(string language, string expiry, string body)
    {
        var (subject, text) = DeletionRequestEmail.Compose(language, Body, Url, Expires);

        Assert.False(string.IsNullOrWhiteSpace(subject));
        Assert.Contains(Url, text, StringComparison.Ordinal);
        Assert.Contains(expiry, text, StringComparison.Ordinal);
        Assert.Contains(body, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_English_AsksToDeleteIncludingDeletedItemsNotToForwardAndToConfirm()
    {
        var (subject, text) = DeletionRequestEmail.Compose("en", Body, Url, Expires);

        Assert.Contains("delete", subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Delete the email and any copies of it, including from your deleted items folder.", text, StringComparison.Ordinal);
        Assert.Contains("Do not forward", text, StringComparison.Ordinal);
        Assert.Contains("Confirm that you have deleted it by opening this link before", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_French_IsFrenchThroughout()
    {
        var (subject, text) = DeletionRequestEmail.Compose("fr", Body, Url, Expires);

        Assert.Contains("supprimer un courriel", subject, StringComparison.Ordinal);
        Assert.Contains("Supprimez le courriel et toute copie de celui-ci, y compris dans votre dossier des éléments supprimés.", text, StringComparison.Ordinal);
        Assert.Contains("Ne transférez pas", text, StringComparison.Ordinal);
        Assert.Contains("Confirmez que vous l'avez supprimé", text, StringComparison.Ordinal);
        Assert.Contains("vous a envoyé un courriel par erreur", text, StringComparison.Ordinal);
        foreach (var english in new[] { "Please", "Delete", "delete", "email ", "Hello", "Thank you", "forward", " at 16:00", "August", "Action required" })
        {
            Assert.DoesNotContain(english, subject + text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "Ministry A, Ministry B and Agency C sent you")]
    [InlineData("fr", "Ministry A, Ministry B et Agency C vous ont envoyé")]
    public void Compose_SeveralBodies_NamesEachOne(string language, string expected)
    {
        var (_, text) = DeletionRequestEmail.Compose(language, ["Ministry A", "Ministry B", "Agency C"], Url, Expires);

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EnglishAndFrench_CarryTheSameNumberedRequests()
    {
        var en = DeletionRequestEmail.Compose("en", Body, Url, Expires).Body;
        var fr = DeletionRequestEmail.Compose("fr", Body, Url, Expires).Body;

        static string[] Steps(string text) => text.Split('\n').Where(l => l.Length > 2 && char.IsDigit(l[0]) && l[1] == '.').Select(l => l[..2]).ToArray();
        Assert.Equal(["1.", "2.", "3."], Steps(en));
        Assert.Equal(Steps(en), Steps(fr));
        Assert.Equal(en.Split(Url).Length, fr.Split(Url).Length);
    }

    [Fact]
    public void Compose_UtcExpiry_SaysUtc()
    {
        var (_, text) = DeletionRequestEmail.Compose("en", Body, Url, new DateTimeOffset(2024, 12, 1, 9, 5, 0, TimeSpan.Zero));

        Assert.Contains("December 1, 2024 at 09:05 (UTC)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    [InlineData("")]
    public void Compose_UnknownLanguage_Throws(string language) =>
        Assert.Throws<ArgumentException>(() => DeletionRequestEmail.Compose(language, Body, Url, Expires));

    [Fact]
    public void Compose_NoPublicBody_Throws() =>
        Assert.Throws<ArgumentException>(() => DeletionRequestEmail.Compose("en", [" "], Url, Expires));

    [Theory]
    [InlineData("en", "Destroy the letter", "letter", "email")]
    [InlineData("fr", "Détruisez la lettre", "lettre", "courriel")]
    public void Compose_Letter_AsksToDestroyOrReturnTheLetterNotAnEmail(string language, string ask, string item, string notItem)
    {
        var (subject, text) = DeletionRequestEmail.Compose(language, Body, Url, Expires, MisdirectedItem.Letter);

        Assert.Contains(ask, text, StringComparison.Ordinal);
        Assert.Contains(item, subject, StringComparison.Ordinal);
        Assert.DoesNotContain(notItem, subject + text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Url, text, StringComparison.Ordinal);
    }
}
