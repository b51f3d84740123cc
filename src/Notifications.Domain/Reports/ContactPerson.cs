namespace Notifications.Domain.Reports;

/// <summary>Someone who can answer the Commissioner's questions for the public body.</summary>
/// <param name="Name">Their name (required).</param>
/// <param name="Title">Their position, if given.</param>
/// <param name="Email">Their email address (required).</param>
/// <param name="Phone">Their phone number, if given.</param>
public sealed record ContactPerson(string Name, string? Title, string Email, string? Phone);
