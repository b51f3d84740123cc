using Notifications.Functions.Access;
using Notifications.Functions.Configuration;

namespace Notifications.Functions;

/// <summary>Command-line verbs that run instead of the web host.</summary>
public static class Cli
{
    public static Task<bool> TryRunAsync(string[] args)
    {
        if (args is ["token", var role, ..])
        {
            return Task.FromResult(MintToken(role, args.SkipWhile(a => a != "--subject").Skip(1).FirstOrDefault()));
        }

        return Task.FromResult(false);
    }

    /// <summary><c>token &lt;role&gt; [--subject id]</c>: prints a locally signed bearer token valid for 12 hours.</summary>
    private static bool MintToken(string role, string? subject)
    {
        var match = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Console.Error.WriteLine($"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
            Environment.ExitCode = 2;
            return true;
        }

        var configuration = new ConfigurationBuilder()
            .AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"))
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        Console.WriteLine(LocalTokens.Mint(options, match, subject ?? $"local-{match.ToLowerInvariant()}", DateTimeOffset.UtcNow, TimeSpan.FromHours(12)));
        return true;
    }
}
