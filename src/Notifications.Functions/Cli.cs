using Notifications.Functions.Hosting;

namespace Notifications.Functions;

/// <summary>Command-line verbs that run instead of the web host.</summary>
public static class Cli
{
    /// <summary>Runs a verb and returns true (the exit code is in <see cref="Environment.ExitCode"/>), or returns false.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == FunctionJsonWriter.Verb)
        {
            Environment.ExitCode = await FunctionJsonWriter.RunAsync(args[1..], FunctionCatalogue.All, Console.Out);
            return true;
        }

        return false;
    }
}
