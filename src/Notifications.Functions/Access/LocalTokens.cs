using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Notifications.Functions.Access;

/// <summary>Mints and describes the locally signed tokens used without Entra ID.</summary>
public static class LocalTokens
{
    public static SymmetricSecurityKey Key(AuthOptions options) =>
        options.SigningKey is { Length: >= 32 } key
            ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key))
            : throw new InvalidOperationException("Auth:SigningKey must be set (32+ characters) to use local tokens.");

    public static string Mint(AuthOptions options, string role, string subject, DateTimeOffset now, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("roles", role)]),
            SigningCredentials = new SigningCredentials(Key(options), SecurityAlgorithms.HmacSha256),
        });
}
