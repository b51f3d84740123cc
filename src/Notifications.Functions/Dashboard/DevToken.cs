using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;

namespace Notifications.Functions.Dashboard;

/// <summary>
/// <c>POST /api/dev/token</c> <c>{"role"}</c>: local development only. Mints a one-hour bearer token for the chosen role with the
/// local signing key, so the dashboard's development sign-in can pick a role. Absent (404) whenever <c>Auth__Authority</c> is set,
/// that is in Azure, where Entra ID signs people in.
/// </summary>
public sealed class DevToken(IOptions<AuthOptions> auth, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    [Function(nameof(DevToken))]
    [AllowAnonymous]
    public Task<Results<Ok<Answer>, ValidationProblem, NotFound>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dev/token")] HttpRequest request, CancellationToken ct) =>
        Handle(request, auth.Value, clock, ct);

    public sealed record Body(string? Role);

    public sealed record Answer(string Token, string Role, DateTimeOffset ExpiresAt);

    public static async Task<Results<Ok<Answer>, ValidationProblem, NotFound>> Handle(HttpRequest request, AuthOptions auth, TimeProvider clock, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            return TypedResults.NotFound();
        }

        var (body, errors) = await JsonBody.ReadAsync<Body>(request, ct);
        var role = Roles.All.FirstOrDefault(r => r == body?.Role);
        if (body is not null && role is null)
        {
            errors["role"] = [$"Use one of: {string.Join(", ", Roles.All)}."];
        }

        if (errors.Count > 0 || role is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The sign-in is not valid.");
        }

        var now = clock.GetUtcNow();
        var token = LocalTokens.Mint(auth, role, $"dev-{role.ToLowerInvariant()}", now, Lifetime);
        return TypedResults.Ok(new Answer(token, role, now + Lifetime));
    }
}
