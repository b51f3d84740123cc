using Microsoft.Net.Http.Headers;

namespace Notifications.Functions.Hosting;

/// <summary>The anonymous pages people open from a link: HTML for a browser, problem details for any other client.</summary>
public static class PublicPages
{
    /// <summary>True when the request's <c>Accept</c> names <c>text/html</c> (a browser following a link does).</summary>
    public static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
}
