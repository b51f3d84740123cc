using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.Recipients;

/// <summary>The importer and reader on real Azurite, in tables of their own.</summary>
internal sealed class RecipientImportHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public RecipientImportHarness(DevServicesFixture fixture, string stem) =>
        _services = TestServices.Build(fixture.Services, Names.Unique(stem), s => s.AddRecipients());

    public RecipientImporter Importer => _services.GetRequiredService<RecipientImporter>();

    public RecipientStore Store => _services.GetRequiredService<RecipientStore>();

    public ContactDataPurger Purger => _services.GetRequiredService<ContactDataPurger>();

    public Task<TableClient> TableAsync() => _services.GetRequiredService<StorageClients>().TableAsync(RecipientKeys.Table);

    /// <summary>Row counts of every partition of the recipients table, manifest partitions included.</summary>
    public async Task<Dictionary<string, int>> PartitionSizesAsync(CancellationToken ct)
    {
        var table = await _services.GetRequiredService<StorageClients>().TableAsync(RecipientKeys.Table);
        var sizes = new Dictionary<string, int>();
        await foreach (var e in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: ct))
        {
            sizes[e.PartitionKey] = sizes.GetValueOrDefault(e.PartitionKey) + 1;
        }

        return sizes;
    }

    public void Dispose() => _services.Dispose();
}
