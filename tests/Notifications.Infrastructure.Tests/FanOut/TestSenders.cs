using Notifications.Infrastructure.Email;

namespace Notifications.Infrastructure.Tests.FanOut;

/// <summary>Sends through <paramref name="inner"/> until <paramref name="sends"/> went out, then dies like a killed worker.</summary>
/// <summary>
/// The worker dies on its send number <paramref name="sends"/> + 1: before the SMTP call, or with
/// <paramref name="afterRelayAccepted"/> right after the relay took the mail (before its row could be marked sent).
/// </summary>
internal sealed class KillingSender(IEmailSender inner, int sends, bool afterRelayAccepted = false) : IEmailSender
{
    private int _sent;
    private volatile bool _revived;

    /// <summary>The next worker: it never dies.</summary>
    public void Revive() => _revived = true;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        if (!_revived && Interlocked.Increment(ref _sent) > sends)
        {
            if (afterRelayAccepted)
            {
                await inner.SendAsync(message, ct);
            }

            throw new WorkerKilledException();
        }

        await inner.SendAsync(message, ct);
    }
}

internal sealed class WorkerKilledException : Exception;

/// <summary>The first <paramref name="failing"/> attempts go to <paramref name="down"/> (a closed port), the rest to <paramref name="up"/>.</summary>
internal sealed class SwitchingSender(IEmailSender down, IEmailSender up, int failing) : IEmailSender
{
    private int _attempts;

    public Task SendAsync(EmailMessage message, CancellationToken ct) =>
        Interlocked.Increment(ref _attempts) <= failing ? down.SendAsync(message, ct) : up.SendAsync(message, ct);
}

/// <summary>The relay refuses one address for good (as a 550 would); everything else goes to <paramref name="inner"/>.</summary>
internal sealed class RejectingSender(IEmailSender inner, string rejected) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken ct) =>
        message.To == rejected
            ? throw new PermanentEmailFailureException("550 5.1.1 mailbox unavailable")
            : inner.SendAsync(message, ct);
}

/// <summary>Sends through <paramref name="inner"/>; right after the <paramref name="after"/>-th send, an operator halts the run.</summary>
internal sealed class HaltingSender(IEmailSender inner, int after, Func<Task> halt) : IEmailSender
{
    private int _sent;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        await inner.SendAsync(message, ct);
        if (Interlocked.Increment(ref _sent) == after)
        {
            await halt();
        }
    }
}

/// <summary>
/// Sends through <paramref name="inner"/>; once the relay accepted the mail to the <paramref name="gated"/> address, holds
/// that send (so its row stays <c>sending</c>) until <see cref="Release"/> is completed.
/// </summary>
internal sealed class GatedSender(IEmailSender inner, Func<string> gated) : IEmailSender
{
    public TaskCompletionSource Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        await inner.SendAsync(message, ct);
        if (message.To == gated())
        {
            Accepted.TrySetResult();
            await Release.Task.WaitAsync(ct);
        }
    }
}
