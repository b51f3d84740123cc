namespace Notifications.Infrastructure.Email;

/// <summary>Accepts every message and sends nothing: the simulated-recipients mode (<c>Mail__Simulate=true</c>).</summary>
public sealed class SimulatedEmailSender : IEmailSender
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }
}
