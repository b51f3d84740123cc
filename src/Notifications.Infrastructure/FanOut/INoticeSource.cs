using Notifications.Infrastructure.Recipients;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The seam to the notice builder: the rendered notice for one person of an incident, or a linter block. Implementations
/// must be deterministic for a person (a redelivered batch renders the same notice) and must not log the content.
/// </summary>
public interface INoticeSource
{
    /// <summary>The notice for <paramref name="person"/> in run <paramref name="runId"/> (whose text is pinned at its start).</summary>
    Task<NoticeOutcome> ForAsync(string incidentId, string runId, StoredRecipient person, CancellationToken ct);
}

/// <summary>Either a notice ready to send, or a block from the notice linter (the person is not sent and not retried).</summary>
public abstract record NoticeOutcome
{
    private NoticeOutcome() { }

    /// <summary>A rendered notice in the person's language (<c>en</c> or <c>fr</c>).</summary>
    public sealed record Ready(string Subject, string Body, string Language) : NoticeOutcome;

    /// <summary>The linter blocked the notice; <see cref="Code"/> is recorded on the row, <see cref="Reason"/> is for the operator.</summary>
    public sealed record Blocked(string Code, string Reason) : NoticeOutcome;
}
