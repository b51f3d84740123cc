namespace Notifications.Domain.Incidents;

/// <summary>Who caused an event: a signed-in person (id and role) or a part of the system.</summary>
public sealed record Actor(string Id, string Role)
{
    public static Actor Timer { get; } = new("system:timer", "System");

    public static Actor Activity(string name) => new($"system:{name}", "System");
}
