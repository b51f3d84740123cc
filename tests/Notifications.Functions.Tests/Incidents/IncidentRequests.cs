namespace Notifications.Functions.Tests.Incidents;

/// <summary>Breach report bodies for API tests. The description and reporter are the personal data to watch for.</summary>
public static class IncidentRequests
{
    public const string Description = "Spreadsheet of 40 clients with birth dates emailed to a vendor by mistake";
    public const string ReporterName = "Riley Reporter-Quill";
    public const string ReporterEmail = "riley.quill@example.test";
    public const string ReporterPhone = "250-555-0199";

    public static object Valid(bool physicalHarm = false, string title = "Misdirected spreadsheet") => new
    {
        publicBody = "Ministry of Examples",
        title,
        description = Description,
        occurred = DateTimeOffset.UtcNow.AddDays(-3),
        discovered = DateTimeOffset.UtcNow.AddDays(-1),
        reporter = new { name = ReporterName, email = ReporterEmail, phone = ReporterPhone },
        physicalHarmPossible = physicalHarm,
    };
}
