using System.ComponentModel.DataAnnotations;

namespace Notifications.Functions.Reports;

/// <summary>Where the approved report to the Information and Privacy Commissioner is emailed.</summary>
public sealed class CommissionerOptions
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    public string Name { get; set; } = "Office of the Information and Privacy Commissioner";
}
