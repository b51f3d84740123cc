using System.Net.Http.Json;
using System.Text.Json;
using Notifications.Functions.Letters;

namespace Notifications.LocalRuntime.Sample;

/// <summary>
/// The notices part of the sample, once significant harm is confirmed: the six fictitious people of
/// <c>docs/samples/recipients.sample.csv</c> imported with <c>system-of-record.sample.csv</c> (emails in English and
/// French, one by a guardian's email, one letter, one with no contact, one withheld); the notice content submitted by
/// the officer and approved by the approver; the fan-out run (canary first); the letters exported, since completion waits
/// for them; and the wait for <c>notices-completed</c>.
/// </summary>
internal static class SampleNotices
{
    private static readonly object Content = new
    {
        summary = new
        {
            en = "A folder of printed case files, including yours, was left on a city bus and has not been recovered.",
            fr = "Un dossier de fichiers imprimés, dont le vôtre, a été oublié dans un autobus de la ville et n'a pas été retrouvé.",
        },
        stepsForPerson = new
        {
            en = new[] { "Watch for mail or calls that mention your case file.", "Contact us if someone you do not know contacts you about it." },
            fr = new[] { "Soyez attentif au courrier ou aux appels qui mentionnent votre dossier.", "Communiquez avec nous si une personne inconnue vous contacte à ce sujet." },
        },
    };

    /// <summary>How long the sample waits for the fan-out: its three emails at the sample quota, with room for a slow machine.</summary>
    private static readonly TimeSpan EmailsWithin = TimeSpan.FromMinutes(5);

    public static async Task<string?> SendAsync(SampleSession sample, CancellationToken ct) =>
        await ImportPeopleAsync(sample, ct)
        ?? await ApproveContentAsync(sample, ct)
        ?? await StartAsync(sample, ct)
        ?? await WaitForEmailsAsync(sample, ct)
        ?? await ExportLettersAsync(sample, ct)
        ?? await WaitForCompletionAsync(sample, ct);

    /// <summary>The fan-out's counts by status (<c>GET …/notification</c>).</summary>
    public static async Task PrintProgressAsync(SampleSession sample, CancellationToken ct)
    {
        var progress = await sample.GetAsync("notification", ct);
        long Count(string name) => progress.GetProperty(name).GetInt64();
        await sample.SayAsync($"Notification progress: {Count("people")} people, {Count("sent")} emailed, {Count("blocked")} blocked, "
            + $"{Count("failedPermanent")} failed, {Count("skipped")} not for email (letter, indirect or withheld), {Count("pending")} pending; "
            + $"complete: {progress.GetProperty("isComplete").GetBoolean()}.");
    }

    /// <summary>The recipients file after the system-of-record extract, in one multipart upload, so every email is checked.</summary>
    private static async Task<string?> ImportPeopleAsync(SampleSession sample, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { SampleFile("system-of-record.sample.csv"), "systemOfRecord", "system-of-record.csv" },
            { SampleFile("recipients.sample.csv"), "recipients", "recipients.csv" },
        };
        using var imported = await sample.Officer.PostAsync($"{sample.Incident}/recipients", form, ct);
        if (!imported.IsSuccessStatusCode)
        {
            return await SampleSession.FailedAsync("The recipients import", imported, ct);
        }

        var counts = (await imported.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("counts");
        var byChannel = string.Join(", ", counts.GetProperty("byChannel").EnumerateObject().Select(c => $"{c.Name} {c.Value.GetInt64()}"));
        await sample.SayAsync($"Imported {counts.GetProperty("rows").GetInt64()} people, checked against the system-of-record extract: {byChannel}.");
        return null;
    }

    private static async Task<string?> ApproveContentAsync(SampleSession sample, CancellationToken ct)
    {
        using var submitted = await sample.Officer.PostAsJsonAsync($"{sample.Incident}/notices/content", Content, ct);
        if (!submitted.IsSuccessStatusCode)
        {
            return await SampleSession.FailedAsync("The notice content", submitted, ct);
        }

        using var approved = await sample.PostAsApproverAsync("notices/approve", ct);
        if (!approved.IsSuccessStatusCode)
        {
            return await SampleSession.FailedAsync("The notice approval", approved, ct);
        }

        await sample.SayAsync("The officer submitted the notice (English and French); the approver approved it.");
        return null;
    }

    private static async Task<string?> StartAsync(SampleSession sample, CancellationToken ct)
    {
        using var started = await sample.Officer.PostAsync($"{sample.Incident}/notification/start", null, ct);
        if (!started.IsSuccessStatusCode)
        {
            return await SampleSession.FailedAsync("The notification start", started, ct);
        }

        var run = await started.Content.ReadFromJsonAsync<JsonElement>(ct);
        await sample.SayAsync($"Notification run started: {run.GetProperty("batches").GetInt32()} batch(es), "
            + $"{run.GetProperty("batchesReleased").GetInt32()} released as the canary; the rest follow once the canary is clean.");
        return null;
    }

    /// <summary>
    /// Every batch reported; completion still waits for the letters. The fan-out paces the emails to the provider's
    /// quota, so with the sample settings (100 an hour, refilled one every 36 s) three emails take over a minute.
    /// </summary>
    private static async Task<string?> WaitForEmailsAsync(SampleSession sample, CancellationToken ct)
    {
        await sample.SayAsync("Sending the emails within the provider's quota (FanOut__PerMinute, FanOut__PerHour; "
            + "the sample settings' 100 an hour allow one every 36 s)...");
        var reported = -1L;
        var done = await SampleSession.WaitForAsync(async () =>
        {
            var progress = await sample.GetAsync("notification", ct);
            var sent = progress.GetProperty("sent").GetInt64();
            if (sent != reported)
            {
                reported = sent;
                await sample.SayAsync($"  {sent} emailed so far");
            }

            return progress.GetProperty("isComplete").GetBoolean();
        }, EmailsWithin, ct);
        if (!done)
        {
            return $"The notification run did not finish within {EmailsWithin.TotalMinutes} minutes; see the app's log.";
        }

        await sample.SayAsync("The fan-out is done; notices are complete once the letter is exported too.");
        return null;
    }

    /// <summary>The letters as a mail-merge CSV; the sample keeps only its count and hash (the file is fictitious people's letters).</summary>
    private static async Task<string?> ExportLettersAsync(SampleSession sample, CancellationToken ct)
    {
        using var letters = await sample.Officer.GetAsync($"{sample.Incident}/letters?format=csv", ct);
        if (!letters.IsSuccessStatusCode)
        {
            return await SampleSession.FailedAsync("The letters export", letters, ct);
        }

        string Header(string name) => letters.Headers.GetValues(name).Single();
        await sample.SayAsync($"Letters exported for mail merge: {Header(LettersEndpoints.CountHeader)} letter(s), "
            + $"{Header(LettersEndpoints.BlockedHeader)} blocked, SHA-256 {Header(LettersEndpoints.Sha256Header)}.");
        return null;
    }

    private static async Task<string?> WaitForCompletionAsync(SampleSession sample, CancellationToken ct)
    {
        if (!await sample.WaitForHistoryAsync(ct, "notices-completed"))
        {
            return "Notices were not recorded complete within 60 s; see the app's log.";
        }

        var completed = (await sample.HistoryAsync(ct)).Last(e => e.GetProperty("type").GetString() == "notices-completed");
        var counts = completed.GetProperty("event").GetProperty("counts");
        int Count(string name) => counts.GetProperty(name).GetInt32();
        await sample.SayAsync($"Notices complete: {Count("direct")} by email, {Count("letters")} by letter, {Count("indirect")} indirect, {Count("withheld")} withheld.");
        return null;
    }

    private static StreamContent SampleFile(string name)
    {
        var stream = typeof(SampleNotices).Assembly.GetManifestResourceStream($"Sample.{name}")
            ?? throw new InvalidOperationException($"The sample file {name} is not embedded in the app.");
        var content = new StreamContent(stream);
        content.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        return content;
    }
}
