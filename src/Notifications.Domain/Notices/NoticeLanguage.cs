namespace Notifications.Domain.Notices;

/// <summary>The two official languages a notice is written in, as the codes recipient rows carry.</summary>
public static class NoticeLanguage
{
    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>French.</summary>
    public const string French = "fr";

    /// <summary>Both, English first.</summary>
    public static IReadOnlyList<string> Both { get; } = [English, French];

    /// <summary>"en" or "fr" for a code such as "FR" or "fr-CA"; anything else is English.</summary>
    public static string Normalize(string? code) =>
        code is not null && code.Trim().StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    /// <summary>The English or French text, by language code.</summary>
    public static string Pick(this Policy.LocalizedText text, string language) =>
        Normalize(language) == French ? text.Fr : text.En;
}
