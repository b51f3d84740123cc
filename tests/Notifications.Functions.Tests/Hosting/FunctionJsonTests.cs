using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NCrontab;
using Notifications.Functions.Hosting;

namespace Notifications.Functions.Tests.Hosting;

/// <summary>Generated function.json files obey the binding schema of contract §2.</summary>
public sealed partial class FunctionJsonTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "emit-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Catalogues => ["test", "real"];

    [Theory]
    [MemberData(nameof(Catalogues))]
    public async Task EveryFunction_GetsAFunctionJsonThatMeetsTheContract(string catalogue)
    {
        var functions = catalogue == "real" ? FunctionCatalogue.All : TestCatalogue.All;

        var written = await FunctionJsonWriter.WriteAsync(functions, _directory, TestContext.Current.CancellationToken);

        Assert.Equal(functions.Count, written.Count);
        Assert.Equal(functions.Count, Directory.GetDirectories(_directory).Length);
        foreach (var function in functions)
        {
            var path = Path.Combine(_directory, function.Name, "function.json");
            var json = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!.AsObject();
            AssertMeetsContract(function, json);
        }
    }

    [Fact]
    public async Task CliVerb_WritesTheRealCatalogueWithoutStartingTheHost()
    {
        var handled = await Cli.TryRunAsync([FunctionJsonWriter.Verb, _directory]);

        Assert.True(handled);
        Assert.Equal(FunctionCatalogue.All.Count, Directory.GetDirectories(_directory).Length);
    }

    [Fact]
    public async Task OtherArguments_AreNotACliVerb() => Assert.False(await Cli.TryRunAsync(["--local"]));

    [Theory]
    [InlineData("abc", true)]
    [InlineData("breach-intake-2", true)]
    [InlineData("ab", false)]
    [InlineData("Upper", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("a23456789012345678901234567890123456789012345678901234567", false)] // 57 + "-poison" > 63
    public void QueueNameRule_MatchesStorageAndPoisonLimits(string name, bool valid) =>
        Assert.Equal(valid, IsValidQueueName(name));

    private static void AssertMeetsContract(FunctionDefinition function, JsonObject json)
    {
        var bindings = json["bindings"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.All(bindings, b =>
        {
            Assert.False(string.IsNullOrEmpty((string?)b["type"]));
            Assert.Contains((string?)b["direction"], new[] { "in", "out" });
            Assert.False(string.IsNullOrEmpty((string?)b["name"]));
        });
        Assert.Null(json["scriptFile"]);

        switch (function)
        {
            case QueueFunction queue:
                var trigger = Assert.Single(bindings);
                Assert.Equal(("queueTrigger", "in", "msg"), Key(trigger));
                Assert.Equal(queue.QueueName, (string?)trigger["queueName"]);
                Assert.Equal("AzureWebJobsStorage", (string?)trigger["connection"]);
                Assert.True(IsValidQueueName(queue.QueueName), $"Queue name '{queue.QueueName}' breaks the Storage rules.");
                break;
            case TimerFunction:
                var timer = Assert.Single(bindings);
                Assert.Equal(("timerTrigger", "in", "timer"), Key(timer));
                Assert.False((bool)timer["runOnStartup"]!);
                var schedule = (string)timer["schedule"]!;
                Assert.Equal(6, schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
                Assert.NotNull(CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }));
                break;
            case HttpFunction http:
                Assert.Equal(2, bindings.Count); // exactly two, or the host does not forward (contract §1.6)
                var request = bindings.Single(b => (string?)b["direction"] == "in");
                Assert.Equal(("httpTrigger", "in", "req"), Key(request));
                Assert.Contains((string?)request["authLevel"], new[] { "anonymous", "function" });
                Assert.Equal(http.Methods.Select(m => m.ToLowerInvariant()), request["methods"]!.AsArray().Select(m => (string)m!));
                Assert.All(request["methods"]!.AsArray(), m => Assert.Equal(((string)m!).ToLowerInvariant(), (string)m!));
                Assert.Equal(http.Route, (string?)request["route"]);
                Assert.False(http.Route.StartsWith("api/", StringComparison.OrdinalIgnoreCase), "Routes have no api/ prefix.");
                Assert.Equal(("http", "out", "res"), Key(bindings.Single(b => (string?)b["direction"] == "out")));
                break;
            default:
                Assert.Fail($"Unknown function kind {function.GetType().Name}.");
                break;
        }
    }

    private static (string?, string?, string?) Key(JsonObject binding) =>
        ((string?)binding["type"], (string?)binding["direction"], (string?)binding["name"]);

    private static bool IsValidQueueName(string name) =>
        name.Length is >= 3 and <= 63 && (name + "-poison").Length <= 63 && QueueName().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueName();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
