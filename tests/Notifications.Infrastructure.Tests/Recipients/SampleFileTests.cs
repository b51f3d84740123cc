using Notifications.Domain.Recipients;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.Recipients;

/// <summary>The documented sample file imports, with one person on each channel.</summary>
public sealed class SampleFileTests(DevServicesFixture fixture)
{
    [Fact]
    public async Task ImportAsync_DocumentedSample_ImportsWithEveryChannel()
    {
        var ct = TestContext.Current.CancellationToken;
        using var harness = new RecipientImportHarness(fixture, "sample");
        await using var csv = File.OpenRead(SamplePath());

        var result = await harness.Importer.ImportAsync("inc-sample", csv, null, ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(6, result.Manifest!.Counts.Rows);
        Assert.Equal(
            new Dictionary<NoticeChannel, long>
            {
                [NoticeChannel.Email] = 3, [NoticeChannel.Letter] = 1, [NoticeChannel.Indirect] = 1, [NoticeChannel.Withheld] = 1,
            },
            result.Manifest.Counts.ByChannel);
    }

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "samples", "recipients.sample.csv");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("docs/samples/recipients.sample.csv not found above the test output folder.");
    }
}
