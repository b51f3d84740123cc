namespace Notifications.Functions;

/// <summary>The composition root's building blocks: services, middleware and endpoints of every feature.</summary>
public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseNotifications(this WebApplication app) => app;

    public static WebApplication MapNotifications(this WebApplication app) => app;
}
