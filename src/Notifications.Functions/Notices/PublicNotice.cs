using Notifications.Domain.Incidents;
using Notifications.Domain.Reports;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// <c>GET /api/public/notices/{slug}</c>: the indirect notice, an anonymous public page in English and French with the
/// same elements as a direct notice and no personal information (no names: the model has none). The slug is the
/// incident id; the page exists once an approver has approved the notice content, and while that content passes the
/// personal-information check (<see cref="NoticeContentScreen"/>).
/// </summary>
public sealed class PublicNotice(IncidentStore store, NoticeRenderer renderer, ContactPerson contact, NoticeContentScreen screen)
{
    [Function("GetPublicNotice")]
    [AllowAnonymous]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/notices/{slug}")] HttpRequest request, string slug, CancellationToken ct) =>
        Handle(request, slug, store, renderer, contact, screen, ct);

    public static async Task<IResult> Handle(HttpRequest request, string slug, IncidentStore store, NoticeRenderer renderer, ContactPerson contact,
        NoticeContentScreen screen, CancellationToken ct)
    {
        var (state, _) = await store.LoadAsync(slug, ct);
        if (state.NoticeContent?.Approved is not { } content || NoticeTemplateSet.Of(content.Templates) is not { } templates
            || content.TemplateVersion != templates.Version)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No public notice",
                detail: "No public notice is published at this address.");
        }

        // Only approved content that passes the check: not while held (a person of the import named), nor with an
        // identifier in it (content approved before the check existed). The page then says so, without the text.
        if (state.NoticeContentHold?.Holds(NoticeContentTargets.Approved) == true || screen.CheckText(state, content).Count > 0)
        {
            return Hosting.PublicPages.AcceptsHtml(request)
                ? Results.Content(IndirectNoticePage.NotAvailableHtml(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Public notice not available",
                    detail: "The public notice is not available at the moment.");
        }

        var (en, fr) = IndirectNotice.Render(renderer, templates,
            IncidentNoticeModel.For(state, content, contact, "en", null, null).WithoutPerson(),
            IncidentNoticeModel.For(state, content, contact, "fr", null, null).WithoutPerson());
        return Results.Content(IndirectNoticePage.Html(en, fr), "text/html; charset=utf-8");
    }
}
