namespace Notifications.Functions;

/// <summary>Command-line verbs that run instead of the web host.</summary>
public static class Cli
{
    public static Task<bool> TryRunAsync(string[] args)
    {
        _ = args;
        return Task.FromResult(false);
    }
}
