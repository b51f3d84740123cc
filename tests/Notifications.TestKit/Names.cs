namespace Notifications.TestKit;

/// <summary>Unique, valid Storage names so tests never share tables or queues.</summary>
public static class Names
{
    private static int _counter;

    /// <summary>A table/queue name prefix: lowercase letters and digits, starts with a letter.</summary>
    public static string Unique(string stem = "t") =>
        $"{stem}{Guid.NewGuid():N}"[..Math.Min(stem.Length + 12, 40)] + Interlocked.Increment(ref _counter);
}
