namespace Notifications.Domain.Breach;

/// <summary>How many affected individuals live in one jurisdiction (e.g. <c>CA-QC</c>), for regimes that count that way.</summary>
/// <param name="Jurisdiction">An ISO 3166-2 style code.</param>
/// <param name="Count">The estimated number of affected individuals there.</param>
public sealed record JurisdictionCount(string Jurisdiction, int Count);
