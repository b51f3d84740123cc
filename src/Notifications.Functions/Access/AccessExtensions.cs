using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Notifications.Domain.Incidents;

namespace Notifications.Functions.Access;

public static class AccessExtensions
{
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection("Auth"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Authority) || o.SigningKey is { Length: >= 32 },
                "Set Auth:Authority (Entra ID) or, locally, Auth:SigningKey of 32+ characters.")
            .ValidateOnStart();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            var options = auth.Value;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = options.Audience,
                RoleClaimType = "roles",
                NameClaimType = "sub",
            };
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                jwt.Authority = options.Authority;
            }
            else
            {
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = LocalTokens.Key(options);
            }
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Policies.Officer, p => p.RequireRole(Roles.PrivacyOfficer))
            .AddPolicy(Policies.Oversight, p => p.RequireRole(Roles.PrivacyOfficer, Roles.Auditor))
            .AddPolicy(Policies.Approve, p => p.RequireRole(Roles.Approver))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.PrivacyOfficer, Roles.Approver));
        return services;
    }

    /// <summary>The caller as recorded in the history: subject id and the role that allowed the action.</summary>
    public static Actor ToActor(this ClaimsPrincipal user, string role) =>
        new(user.FindFirstValue("sub") ?? user.FindFirstValue("oid") ?? "unknown", role);
}
