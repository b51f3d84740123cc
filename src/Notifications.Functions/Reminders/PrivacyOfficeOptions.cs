using System.ComponentModel.DataAnnotations;

namespace Notifications.Functions.Reminders;

/// <summary>Where deadline reminders go, and the address links in them point to.</summary>
public sealed class PrivacyOfficeOptions
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    public string Name { get; set; } = "Privacy Office";

    /// <summary>The public base address of this app, used to link to an incident's record.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:7071";
}
