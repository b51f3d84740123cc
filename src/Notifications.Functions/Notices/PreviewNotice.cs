using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Domain.Incidents;
using Notifications.Domain.Notices;
using Notifications.Functions.Access;
using Notifications.Functions.Incidents;
using Notifications.Infrastructure.Notices;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Workflow;

namespace Notifications.Functions.Notices;

/// <summary>
/// <c>GET /api/incidents/{id}/notices/preview?line=&amp;person=&amp;content=</c>: the email and the letter one person of
/// the current import would get, rendered from the submitted (default) or approved notice content with the same templates,
/// model and linter as the fan-out, with the linter's findings. The person is named by their line in the imported file
/// or their opaque person id, never by name or email; without either, the first person of the file. For privacy officers
/// and approvers, before they approve or start. Records nothing, logs nothing.
/// </summary>
public sealed class PreviewNotice(IncidentStore store, RecipientStore recipients, IncidentNoticeSource notices)
{
    [Function(nameof(PreviewNotice))]
    [Authorize(Policies.Review)]
    public Task<Results<Ok<Preview>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/incidents/{id}/notices/preview")] HttpRequest request, string id,
        CancellationToken ct) =>
        Handle(id, request.Query, store, recipients, notices, ct);

    public sealed record EmailPreview(string Subject, string Body);

    /// <param name="AddressedTo">The name the address block carries: the person's, their guardian's, or empty.</param>
    public sealed record LetterPreview(string AddressedTo, IReadOnlyList<string> Address, string Subject, string Body);

    public sealed record Finding(string Code, string Message);

    /// <param name="Content"><c>submitted</c> or <c>approved</c>: which notice content rendered.</param>
    /// <param name="Channel">How this person gets their notice: <c>email</c>, <c>letter</c>, <c>indirect</c> or <c>withheld</c>.</param>
    /// <param name="Blocked">The linter would block this notice (the fan-out would not send it).</param>
    public sealed record Preview(long Line, string PersonId, string Channel, string Language, bool ToGuardian, string Content, string TemplateVersion,
        EmailPreview Email, LetterPreview Letter, bool Blocked, IReadOnlyList<Finding> Findings);

    public static async Task<Results<Ok<Preview>, ValidationProblem, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Handle(
        string id, IQueryCollection query, IncidentStore store, RecipientStore recipients, IncidentNoticeSource notices, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        long? line = null;
        if (query["line"].ToString() is { Length: > 0 } text)
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2)
            {
                line = n;
            }
            else
            {
                errors["line"] = ["Give a line of the imported file: a whole number, 2 or more (line 1 is the header)."];
            }
        }

        var personId = query["person"].ToString();
        if (personId.Length > 128)
        {
            errors["person"] = ["A person id has at most 128 characters."];
        }

        var which = query["content"].ToString() is { Length: > 0 } c ? c : NoticeContentTargets.Submitted;
        if (which is not (NoticeContentTargets.Submitted or NoticeContentTargets.Approved))
        {
            errors["content"] = ["Choose 'submitted' or 'approved'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The preview request is not valid.");
        }

        var (state, _) = await store.LoadAsync(id, ct);
        if (state.Status == IncidentStatus.None)
        {
            return TypedResults.NotFound(ProblemDetailsBody.NotFound(id));
        }

        if (state.ContactDataPurgedAt is not null)
        {
            return WorkflowCalls.Conflict(IncidentDecider.ContactDataWasPurged);
        }

        var content = which == NoticeContentTargets.Approved ? state.NoticeContent?.Approved : state.NoticeContent?.Submitted;
        if (content is null)
        {
            return WorkflowCalls.Conflict(which == NoticeContentTargets.Approved
                ? "No notice content is approved yet."
                : "No notice content has been submitted yet.");
        }

        if (state.Recipients is null)
        {
            return WorkflowCalls.Conflict("Import the affected people first.");
        }

        var person = await FindAsync(recipients, state, line, personId, ct);
        if (person is null)
        {
            return TypedResults.NotFound(new ProblemDetailsBody("https://tools.ietf.org/html/rfc9110#section-15.5.5", "No such person", 404,
                line is not null ? $"Line {line} is not a person of the current import." : "That person is not in the current import."));
        }

        RenderedNotice notice;
        LintResult lint;
        try
        {
            (notice, lint) = await notices.PreviewAsync(state, content, person, ct);
        }
        catch (NoticeTemplateException e)
        {
            return WorkflowCalls.Conflict(e.Message);
        }

        var address = (person.PostalAddress ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var addressee = person.Addressee;
        return TypedResults.Ok(new Preview(person.Line, person.PersonId, ChannelName(person.Channel), notice.Language, addressee.IsGuardian, which,
            notice.TemplateVersion, new EmailPreview(notice.Subject, notice.Body), new LetterPreview(addressee.Name ?? "", address, notice.Subject, notice.Body),
            lint.Blocked, [.. lint.Findings.Select(f => new Finding(f.Code, f.Message))]));
    }

    /// <summary>The person of the current import on <paramref name="line"/>, with <paramref name="personId"/>, or the first of the file.</summary>
    private static async Task<StoredRecipient?> FindAsync(RecipientStore recipients, IncidentState state, long? line, string personId, CancellationToken ct)
    {
        var people = await recipients.ReadImportAsync(state.IncidentId, ct, state.Recipients!.ImportId);
        return line is not null ? people.FirstOrDefault(p => p.Line == line)
            : personId.Length > 0 ? people.FirstOrDefault(p => string.Equals(p.PersonId, personId, StringComparison.Ordinal))
            : people.FirstOrDefault();
    }

    private static string ChannelName(Domain.Recipients.NoticeChannel channel) =>
        JsonNamingPolicy.CamelCase.ConvertName(channel.ToString());
}
