using Notifications.Functions.Access;
using Notifications.Functions.Configuration;
using Notifications.Functions.Hosting;
using Notifications.Functions.Sample;

namespace Notifications.Functions;

/// <summary>Command-line verbs that run instead of the web host.</summary>
public static class Cli
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        switch (args)
        {
            case [FunctionJsonWriter.Verb, ..]:
                Environment.ExitCode = await FunctionJsonWriter.RunAsync(args[1..], FunctionCatalogue.All, Console.Out);
                return true;
            case ["token", var role, ..]:
                return MintToken(role, args.SkipWhile(a => a != "--subject").Skip(1).FirstOrDefault());
            case [Notices.SimulatedDeliveryReport.Verb, ..]:
                Environment.ExitCode = await Notices.SimulatedDeliveryReport.RunAsync(args[1..], Console.Out);
                return true;
            case ["sample", ..]:
                var api = new Uri(args.Length > 1 ? args[1] : "http://127.0.0.1:7071/");
                Environment.ExitCode = await SampleIncident.RunAsync(LocalAuth(), api, Console.Out, CancellationToken.None);
                return true;
            default:
                return false;
        }
    }

    private static AuthOptions LocalAuth() =>
        new ConfigurationBuilder()
            .AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"))
            .AddEnvironmentVariables()
            .Build()
            .GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();

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

        Console.WriteLine(LocalTokens.Mint(LocalAuth(), match, subject ?? $"local-{match.ToLowerInvariant()}", DateTimeOffset.UtcNow, TimeSpan.FromHours(12)));
        return true;
    }
}
