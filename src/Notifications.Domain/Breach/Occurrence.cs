using System.Text.Json.Serialization;

namespace Notifications.Domain.Breach;

/// <summary>When the breach occurred: a date, a period, or unknown. Kept apart from discovery and determination.</summary>
/// <param name="Kind">Which of the three shapes this is.</param>
/// <param name="On">The date or instant, when <paramref name="Kind"/> is <see cref="OccurrenceKind.Date"/>.</param>
/// <param name="From">The start of the period, when <paramref name="Kind"/> is <see cref="OccurrenceKind.Period"/>.</param>
/// <param name="To">The end of the period, when known.</param>
public sealed record Occurrence(
    OccurrenceKind Kind,
    DateTimeOffset? On = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    /// <summary>The occurrence is not known yet.</summary>
    public static Occurrence Unknown { get; } = new(OccurrenceKind.Unknown);

    /// <summary>The breach occurred at a known date or instant.</summary>
    public static Occurrence At(DateTimeOffset on) => new(OccurrenceKind.Date, On: on);

    /// <summary>The breach occurred within a period; <paramref name="to"/> may be open.</summary>
    public static Occurrence Between(DateTimeOffset from, DateTimeOffset? to) => new(OccurrenceKind.Period, From: from, To: to);

    /// <summary>The earliest moment the breach may have occurred, or null when unknown. A clock that starts at occurrence starts here.</summary>
    [JsonIgnore]
    public DateTimeOffset? Earliest => Kind switch
    {
        OccurrenceKind.Date => On,
        OccurrenceKind.Period => From,
        _ => null,
    };
}
