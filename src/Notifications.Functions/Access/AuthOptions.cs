namespace Notifications.Functions.Access;

/// <summary>
/// Bearer-token validation. In Azure set <see cref="Authority"/> (the Entra tenant) and <see cref="Audience"/>;
/// roles come from the app roles in the <c>roles</c> claim. Locally leave the authority empty and tokens are
/// signed with <see cref="SigningKey"/> by <c>dotnet Notifications.Functions.dll token &lt;role&gt;</c>.
/// </summary>
public sealed class AuthOptions
{
    public string? Authority { get; set; }

    public string Audience { get; set; } = "api://breach-notifications";

    public string Issuer { get; set; } = "breach-notifications-local";

    /// <summary>Local-only HMAC key, at least 32 characters. Never set in Azure.</summary>
    public string? SigningKey { get; set; }
}
