namespace Notifications.Domain.Reports;

/// <summary>Whether and how affected individuals were or will be notified. A null count is written as "not yet known".</summary>
/// <param name="Direct">Individuals notified or to be notified directly (e.g. by email).</param>
/// <param name="Letters">Individuals notified or to be notified by letter.</param>
/// <param name="Indirect">Individuals reached or to be reached by indirect notice.</param>
/// <param name="Withheld">Individuals whose notice is withheld under the safety exception.</param>
/// <param name="WithheldReasons">The reasons recorded for withholding, as the officer wrote them.</param>
/// <param name="Method">How individuals are notified, in a phrase (e.g. "email, with letters where no email address is known").</param>
public sealed record NotificationSummary(int? Direct, int? Letters, int? Indirect, int? Withheld, IReadOnlyList<string> WithheldReasons, string Method)
{
    /// <summary>Emails that were not delivered (bounced or refused); those people are among <see cref="Indirect"/>.</summary>
    public int? Bounced { get; init; }

    /// <summary>The counts are final (the notices are complete), not a plan.</summary>
    public bool IsFinal => Direct is not null && Letters is not null && Indirect is not null && Withheld is not null;
}
