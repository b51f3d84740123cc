using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Notifications.Infrastructure.Links;

/// <summary>What a confirmation link stands for: one wrong recipient of one incident's containment task.</summary>
/// <param name="Nonce">Unique per link; the event id of its confirmation, so a replay changes nothing.</param>
public sealed record LinkClaims(string IncidentId, string TaskId, string RecipientId, string Nonce, DateTimeOffset ExpiresAt);

public enum LinkCheck
{
    Valid,
    Malformed,
    Forged,
    Expired,
}

public sealed class LinkOptions
{
    /// <summary>HMAC key for confirmation links, 32+ characters; from Key Vault in Azure.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How long a link stays valid.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>
/// Anonymous, expiring, unforgeable links: <c>base64url(claims JSON).base64url(HMAC-SHA256)</c>. The token carries
/// ids only (no address or name). Single use is enforced where the confirmation is recorded (the nonce is its event id).
/// </summary>
public sealed class SignedLinks(IOptions<LinkOptions> options)
{
    private byte[] Key => options.Value.SigningKey is { Length: >= 32 } key
        ? Encoding.UTF8.GetBytes(key)
        : throw new InvalidOperationException("Links:SigningKey must be 32+ characters.");

    public TimeSpan Lifetime => options.Value.Lifetime;

    public string Sign(LinkClaims claims)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Key, payload));
    }

    public (LinkCheck Check, LinkClaims? Claims) Verify(string token, DateTimeOffset now)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 2048)
        {
            return (LinkCheck.Malformed, null);
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return (LinkCheck.Malformed, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(Key, payload)))
        {
            return (LinkCheck.Forged, null);
        }

        var claims = JsonSerializer.Deserialize<LinkClaims>(payload);
        if (claims is null)
        {
            return (LinkCheck.Malformed, null);
        }

        return claims.ExpiresAt <= now ? (LinkCheck.Expired, claims) : (LinkCheck.Valid, claims);
    }
}
