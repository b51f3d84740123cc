using System.Reflection;
using Microsoft.Extensions.Options;
using Notifications.Functions.Access;
using Notifications.Functions.Reminders;

namespace Notifications.Functions.Dashboard;

/// <summary>
/// <c>GET /{*path}</c>: the privacy office's dashboard, plain HTML, ES modules, CSS and the English and French strings, embedded in
/// this assembly, so the Functions host and the local runtime serve the same files. <c>/config.json</c> tells the page how to sign
/// in (local development tokens, or Entra ID) and the office's time zone. Every action in the page goes through the API with the
/// caller's bearer token; this function serves files only, to anyone (they hold no data).
/// </summary>
public sealed class ServeDashboard(IOptions<DashboardOptions> dashboard, IOptions<AuthOptions> auth, IOptions<PrivacyOfficeOptions> office,
    Incidents.PolicySelection policy)
{
    /// <summary>No inline script or style; the API and, in Azure, Entra's token endpoint are the only places the page talks to.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://login.microsoftonline.com; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private const string Prefix = "dashboard/";
    private static readonly Assembly Assembly = typeof(ServeDashboard).Assembly;
    private static readonly HashSet<string> Files = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).ToHashSet(StringComparer.Ordinal);

    [Function(nameof(ServeDashboard))]
    [AllowAnonymous]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest request) =>
        Handle(request.HttpContext, Config());

    /// <summary>What <c>/config.json</c> tells the page.</summary>
    public sealed record PageConfig(string SignIn, string TimeZone, EntraConfig? Entra, IReadOnlyList<Term> PersonalInformation,
        IReadOnlyList<Term> AffectedGroups, IReadOnlyList<Term> IndirectTriggers);

    public sealed record EntraConfig(string Authority, string ClientId, string Scope, string RedirectUri);

    public sealed record Term(string Code, string En, string Fr);

    public PageConfig Config()
    {
        var a = auth.Value;
        var d = dashboard.Value;
        var local = string.IsNullOrWhiteSpace(a.Authority);
        var entra = local ? null : new EntraConfig(a.Authority!.TrimEnd('/'), d.ClientId ?? "", d.Scope ?? $"{a.Audience}/.default",
            d.RedirectUri ?? office.Value.BaseUrl.TrimEnd('/') + "/");
        var pack = policy.Current;
        static Term T(string code, Domain.Policy.LocalizedText labels) => new(code, labels.En, labels.Fr);
        return new PageConfig(local ? "local" : "entra", d.TimeZone, entra,
            pack.Vocabulary.PersonalInformation.Select(t => T(t.Code, t.Labels)).ToList(),
            pack.Vocabulary.AffectedGroups.Select(t => T(t.Code, t.Labels)).ToList(),
            pack.IndirectNotice.Select(t => T(t.Code, t.Labels)).ToList());
    }

    public static IResult Handle(HttpContext http, PageConfig config)
    {
        var path = (http.Request.Path.Value ?? "/").TrimStart('/');
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-cache";
        if (path.StartsWith("api/", StringComparison.Ordinal) || path == "api")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No API route matches this address.");
        }

        if (path == "config.json")
        {
            return TypedResults.Json(config);
        }

        path = path.Length == 0 ? "index.html" : path;
        if (!Files.Contains(path))
        {
            return TypedResults.NotFound();
        }

        var stream = Assembly.GetManifestResourceStream(Prefix + path)!;
        return TypedResults.Stream(stream, ContentType(path));
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
