using Microsoft.Extensions.Options;
using Notifications.Infrastructure.Links;

namespace Notifications.Infrastructure.Tests.Links;

public sealed class SignedLinksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly LinkClaims Claims = new("inc-1", "task-1", "wrong-recipient-1", "nonce-1", Now.AddDays(14));
    private readonly SignedLinks _links = new(Options.Create(new LinkOptions { SigningKey = new string('k', 40) }));

    [Fact]
    public void Verify_SignedToken_IsValidWithItsClaims()
    {
        var (check, claims) = _links.Verify(_links.Sign(Claims), Now);

        Assert.Equal(LinkCheck.Valid, check);
        Assert.Equal(Claims, claims);
    }

    [Fact]
    public void Verify_AfterExpiry_IsExpired()
    {
        Assert.Equal(LinkCheck.Expired, _links.Verify(_links.Sign(Claims), Claims.ExpiresAt).Check);
    }

    [Fact]
    public void Verify_TamperedClaims_IsForged()
    {
        var token = _links.Sign(Claims);
        var other = _links.Sign(Claims with { RecipientId = "wrong-recipient-2" });
        var spliced = other[..other.IndexOf('.', StringComparison.Ordinal)] + token[token.IndexOf('.', StringComparison.Ordinal)..];

        Assert.Equal(LinkCheck.Forged, _links.Verify(spliced, Now).Check);
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_IsForged()
    {
        var stranger = new SignedLinks(Options.Create(new LinkOptions { SigningKey = new string('x', 40) }));

        Assert.Equal(LinkCheck.Forged, _links.Verify(stranger.Sign(Claims), Now).Check);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".onlysignature")]
    [InlineData("!!!.###")]
    public void Verify_Garbage_IsMalformed(string token)
    {
        Assert.Equal(LinkCheck.Malformed, _links.Verify(token, Now).Check);
    }

    [Fact]
    public void Sign_CarriesNoAddress()
    {
        var token = _links.Sign(Claims);

        Assert.DoesNotContain("@", System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal)))), StringComparison.Ordinal);
    }
}
