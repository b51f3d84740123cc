using System.ComponentModel.DataAnnotations;

namespace Notifications.Functions.Dashboard;

/// <summary>
/// The dashboard's settings (<c>Dashboard__*</c>): the office's time zone, and in Azure the Entra ID sign-in (the SPA's app
/// registration, whose redirect URI is the app's address, and the API scope it asks for). Locally the Entra values stay empty.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>IANA time zone the dashboard shows times in, with their offset.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Vancouver";

    /// <summary>Entra ID: the dashboard's (SPA) app registration's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>Entra ID: the scope the dashboard asks for, e.g. <c>api://breach-notifications/access</c>.</summary>
    public string? Scope { get; set; }

    /// <summary>Entra ID: where sign-in returns; the app's address (<c>PrivacyOffice__BaseUrl</c> + <c>/</c>) by default.</summary>
    public string? RedirectUri { get; set; }
}
