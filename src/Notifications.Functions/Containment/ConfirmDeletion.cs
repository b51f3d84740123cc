using System.Net;
using Microsoft.DurableTask.Client;
using Notifications.Functions.Hosting;
using Notifications.Functions.Incidents;
using Notifications.Domain.Incidents;
using Notifications.Infrastructure.Links;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Containment;

/// <summary>
/// The anonymous page behind a deletion-request link. <c>GET</c> only shows a confirm button (mail scanners that
/// prefetch links confirm nothing); <c>POST</c> records the confirmation once. A forged, expired or used link is refused.
/// </summary>
public sealed class ConfirmDeletion(SignedLinks links, IncidentCommands commands, TimeProvider clock)
{
    [Function("ShowDeletionConfirmation")]
    [AllowAnonymous]
    public IResult RunShow([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/public/containment/confirm")] HttpRequest request) =>
        Show(request, links, clock);

    [Function(nameof(ConfirmDeletion))]
    [AllowAnonymous]
    public Task<IResult> RunConfirm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/containment/confirm")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        Confirm(request, links, commands, durable, clock, ct);

    public static IResult Show(HttpRequest request, SignedLinks links, TimeProvider clock)
    {
        var token = request.Query["token"].ToString();
        var (check, _) = links.Verify(token, clock.GetUtcNow());
        return check == LinkCheck.Valid
            ? Page(200, "Confirm deletion / Confirmer la suppression",
                $"""
                <p>Please confirm that you deleted the email sent to you by mistake, and any copies of it.</p>
                <p lang="fr">Veuillez confirmer que vous avez supprimé le courriel qui vous a été envoyé par erreur, ainsi que toute copie.</p>
                <form method="post"><input type="hidden" name="token" value="{WebUtility.HtmlEncode(token)}">
                <button type="submit">I deleted it / Je l'ai supprimé</button></form>
                """)
            : Refused(request, check);
    }

    public static async Task<IResult> Confirm(
        HttpRequest request, SignedLinks links, IncidentCommands commands, DurableTaskClient durable, TimeProvider clock, CancellationToken ct)
    {
        if (await TokenAsync(request, ct) is not { } token)
        {
            return Refused(request, LinkCheck.Forged);
        }

        var (check, claims) = links.Verify(token, clock.GetUtcNow());
        if (check != LinkCheck.Valid || claims is null)
        {
            return Refused(request, check);
        }

        // The event id is the link's nonce: a second use of the link finds its confirmation already in the inbox.
        var confirmed = new DeletionConfirmed(claims.TaskId, claims.RecipientId) { EventId = $"deletion-confirmed:{claims.Nonce}" };
        if (!await commands.SubmitAsync(durable, claims.IncidentId, confirmed, new Actor($"link:{claims.RecipientId}", "WrongRecipient"), ct))
        {
            return Refusal(request, 409, "Link already used / Lien déjà utilisé", "This link was already used.", "Ce lien a déjà été utilisé.");
        }

        var outcome = await commands.WaitAsync(claims.IncidentId, confirmed.EventId, ct);
        return outcome?.Outcome is EventOutcome.Rejected or EventOutcome.NotFound
            ? Refused(request, LinkCheck.Forged)
            : Page(200, "Thank you / Merci", "<p>Your confirmation was recorded. Thank you.</p><p lang=\"fr\">Votre confirmation a été enregistrée. Merci.</p>");
    }

    /// <summary>The form's token (a urlencoded form, or the query), or null when the form cannot be read.</summary>
    private static async Task<string?> TokenAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return request.Query["token"].ToString();
        }

        try
        {
            return (await request.ReadFormAsync(ct))["token"].ToString();
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            return null; // a form the reader refuses (a broken multipart body, too many fields): not a link's form
        }
    }

    private static IResult Refused(HttpRequest request, LinkCheck check) => check == LinkCheck.Expired
        ? Refusal(request, 410, "Link expired / Lien expiré", "This link has expired. Please reply to the email instead.",
            "Ce lien a expiré. Veuillez plutôt répondre au courriel.")
        : Refusal(request, 400, "Invalid link / Lien non valide", "This link is not valid.", "Ce lien n'est pas valide.");

    /// <summary>A refusal: the page a browser shows, or problem details for any other client.</summary>
    private static IResult Refusal(HttpRequest request, int status, string title, string en, string fr) =>
        PublicPages.AcceptsHtml(request)
            ? Page(status, title, $"<p>{en}</p><p lang=\"fr\">{fr}</p>")
            : TypedResults.Problem(statusCode: status, title: title, detail: $"{en} / {fr}");

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
        <body><main><h1>{title}</h1>{body}</main></body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
