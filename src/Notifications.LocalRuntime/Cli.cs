using Notifications.Functions.Access;
using Notifications.LocalRuntime.Sample;

namespace Notifications.LocalRuntime;

/// <summary>Command-line verbs of the local runtime that run instead of it: a local token, the sample, a delivery report.</summary>
public static class Cli
{
    /// <summary>The verb's exit code, or null when the arguments name no verb (the runtime starts).</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        switch (args)
        {
            case ["token", var role, ..]:
                return MintToken(role, args.SkipWhile(a => a != "--subject").Skip(1).FirstOrDefault());
            case [SimulatedDeliveryReport.Verb, ..]:
                return await SimulatedDeliveryReport.RunAsync(args[1..], Console.Out);
            case ["sample", ..]:
                var api = new Uri(args.Length > 1 ? args[1] : "http://127.0.0.1:7071/");
                return await SampleIncident.RunAsync(LocalAuth(), api, Console.Out, CancellationToken.None);
            default:
                return null;
        }
    }

    private static AuthOptions LocalAuth() =>
        new ConfigurationBuilder()
            .AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"))
            .AddEnvironmentVariables()
            .Build()
            .GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();

    /// <summary><c>token &lt;role&gt; [--subject id]</c>: prints a locally signed bearer token valid for 12 hours.</summary>
    private static int MintToken(string role, string? subject)
    {
        var match = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Console.Error.WriteLine($"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
            return 2;
        }

        Console.WriteLine(LocalTokens.Mint(LocalAuth(), match, subject ?? $"local-{match.ToLowerInvariant()}", DateTimeOffset.UtcNow, TimeSpan.FromHours(12)));
        return 0;
    }
}
