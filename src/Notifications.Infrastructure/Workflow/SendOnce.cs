namespace Notifications.Infrastructure.Workflow;

/// <summary>
/// The activity side of "each email once": mark <c>sending</c> before the SMTP call and <c>sent</c> after it, in the
/// incident's partition. A redelivered activity skips what is marked sent; a crash between the call and the mark sends
/// once more, with the same deterministic Message-ID, which is the side of the trade-off that never loses a message.
/// </summary>
public sealed class SendOnce(IncidentStore store, TimeProvider clock)
{
    /// <summary>Runs <paramref name="send"/> unless <paramref name="markerId"/> is already marked sent; true if it sent now.</summary>
    public async Task<bool> RunAsync(string incidentId, string markerId, Func<CancellationToken, Task> send, CancellationToken ct)
    {
        if (await store.ActivityStatusAsync(incidentId, markerId, ct) == "sent")
        {
            return false;
        }

        await store.MarkActivityAsync(incidentId, markerId, "sending", clock.GetUtcNow(), ct);
        await send(ct);
        await store.MarkActivityAsync(incidentId, markerId, "sent", clock.GetUtcNow(), ct);
        return true;
    }
}
