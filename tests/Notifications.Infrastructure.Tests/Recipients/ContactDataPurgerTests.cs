using Azure.Data.Tables;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Recipients;
using Notifications.Infrastructure.Storage;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.Recipients;

/// <summary>
/// The contact-data purge on real Azurite: every import's rows keep only the evidence, staging left behind is deleted,
/// nothing of another incident is touched, and an interrupted or repeated purge ends in the same place.
/// </summary>
public sealed class ContactDataPurgerTests(DevServicesFixture fixture)
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Purge_StripsEveryImport_DeletesStaging_AndKeepsTheEvidence()
    {
        using var harness = new RecipientImportHarness(fixture, "purge");
        var incident = Names.Unique("inc");
        var neighbour = incident + "0"; // its keys start with this incident's id, but not with "{id}|"
        var replaced = People(30).Set(1, "guardian_email", "guardian1@example.test").Set(2, "withhold", "true")
            .Set(2, "withhold_reason", "Notice could reveal where Given2 lives to a person under a protection order");
        var current = People(250).Set(5, "email", "").Set(6, "email", "").Set(6, "postal_address", "");
        await ImportAsync(harness, incident, replaced);
        await ImportAsync(harness, incident, current);
        await ImportAsync(harness, neighbour, People(3));
        var table = await harness.TableAsync();
        await WriteStagingLeftBehindAsync(table, incident);
        await MarkSentAsync(table, incident, batch: 1);
        var before = await RowsAsync(table, incident);
        var manifestBefore = await RowsAsync(table, RecipientKeys.Imports(incident), exact: true);

        var result = await harness.Purger.PurgeAsync(incident, _ct);

        Assert.Equal(new ContactDataPurgeResult(280, 280, 2), result);
        var after = await RowsAsync(table, incident);
        Assert.Equal(280, after.Count); // the staging rows are gone; every imported row is still there
        Assert.All(after, row =>
        {
            Assert.True(RecipientFields.IsContactPurged(row));
            Assert.DoesNotContain(row.Keys, RecipientFields.Personal.Contains);
            var was = before.Single(b => b.PartitionKey == row.PartitionKey && b.RowKey == row.RowKey);
            foreach (var kept in RecipientFields.Kept.Where(k => k != RecipientFields.ContactPurgedAt))
            {
                Assert.Equal(Value(was, kept), Value(row, kept));
            }
        });
        // The row key (the person id) is kept on purpose; no property holds anything of the person.
        var text = string.Join("\n", after.SelectMany(r => r.Where(p => p.Key is not ("PartitionKey" or "RowKey")).Select(p => p.Value?.ToString())));
        foreach (var personal in new[] { "P0", "Given", "Family-", "@example.test", "Fictional Street", "application:", "C-1", "protection order" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        Assert.Equal(100, after.Count(r => r.GetString("Status") == "sent" && r.GetDateTimeOffset("SentAt") == SentAt && r.GetString("MessageId") is { Length: > 0 }));
        Assert.Equal(nameof(NoticeChannel.Withheld), after.Single(r => r.PartitionKey.EndsWith("|00000", StringComparison.Ordinal) && r.GetInt64("Line") == 3
            && r.GetBoolean("Withhold") == true).GetString("Channel"));
        Assert.Equal(manifestBefore.Select(Snapshot), (await RowsAsync(table, RecipientKeys.Imports(incident), exact: true)).Select(Snapshot));
        Assert.All(await RowsAsync(table, neighbour), row => Assert.False(string.IsNullOrEmpty(row.GetString("GivenName"))));
        Assert.Equal(250, (await harness.Store.ListBatchesAsync(incident, _ct)).Sum(b => b.Rows)); // the manifest still reads
    }

    [Fact]
    public async Task Purge_InterruptedAfterOnePartition_IsFinishedByTheNextRun_AndAThirdRunWritesNothing()
    {
        using var harness = new RecipientImportHarness(fixture, "purge");
        var incident = Names.Unique("inc");
        var manifest = await ImportAsync(harness, incident, People(250));
        var table = await harness.TableAsync();
        var first = RecipientKeys.Batch(incident, manifest.ImportId, 0);
        var crashed = await ContactDataPurger.PurgePartitionAsync(table,
            new ContactDataPurger.Partition(first, manifest.ImportId, await RowsAsync(table, first, exact: true)), committed: true, SentAt, _ct);

        var finished = await harness.Purger.PurgeAsync(incident, _ct);
        var rows = await RowsAsync(table, incident);
        var again = await harness.Purger.PurgeAsync(incident, _ct);

        Assert.Equal(new ContactDataPurgeResult(100, 100, 0), crashed);
        Assert.Equal(new ContactDataPurgeResult(250, 150, 0), finished);
        Assert.Equal(new ContactDataPurgeResult(250, 0, 0), again);
        Assert.All(rows, row => Assert.True(RecipientFields.IsContactPurged(row)));
        Assert.Equal(rows.Select(r => r.ETag), (await RowsAsync(table, incident)).Select(r => r.ETag)); // nothing written the third time
    }

    [Fact]
    public async Task Purge_RowChangedSinceItWasRead_IsReadAgain_NotOverwritten()
    {
        using var harness = new RecipientImportHarness(fixture, "purge");
        var incident = Names.Unique("inc");
        var manifest = await ImportAsync(harness, incident, People(10));
        var table = await harness.TableAsync();
        var partition = RecipientKeys.Batch(incident, manifest.ImportId, 0);
        var stale = await RowsAsync(table, partition, exact: true);
        await MarkSentAsync(table, incident, batch: 0); // a late fan-out write after the purge read the rows

        var result = await ContactDataPurger.PurgePartitionAsync(table, new ContactDataPurger.Partition(partition, manifest.ImportId, stale), committed: true, SentAt, _ct);

        Assert.Equal(new ContactDataPurgeResult(10, 10, 0), result);
        Assert.All(await RowsAsync(table, partition, exact: true), row =>
        {
            Assert.Equal(("sent", SentAt), (row.GetString("Status"), row.GetDateTimeOffset("SentAt")));
            Assert.Null(row.GetString("Email"));
        });
    }

    [Fact]
    public void EveryStoredProperty_IsEitherKeptOrPurged()
    {
        var row = new RecipientRow(2, "P1", "Avery", "Tremblay", "a@example.test", "1 Street", "en", "BC",
            [new PersonIdentifier("client", "1")], "g@example.test", true, "reason");
        var written = StoredRecipient.ToEntity("p", row).Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"));

        Assert.All(written, name => Assert.True(RecipientFields.Kept.Contains(name) ^ RecipientFields.Personal.Contains(name), name));
    }

    [Fact]
    public void GuardianName_IsStored_AndPurgedWithTheContactData()
    {
        var row = new RecipientRow(2, "P1", "Mika", "Okafor", null, null, "en", "BC", [], "g@example.test", false, null, "Pat Okafor");

        var entity = StoredRecipient.ToEntity("p", row);

        Assert.Equal("Pat Okafor", entity.GetString("GuardianName"));
        Assert.Contains("GuardianName", RecipientFields.Personal);
        Assert.False(RecipientFields.Stripped(entity, SentAt).ContainsKey("GuardianName"));
    }

    private static RecipientCsvBuilder People(int count) => new RecipientCsvBuilder().WithPeople(count);

    private async Task<ImportManifest> ImportAsync(RecipientImportHarness harness, string incident, RecipientCsvBuilder people)
    {
        var result = await harness.Importer.ImportAsync(incident, people.ToStream(), null, _ct);
        Assert.True(result.Succeeded);
        return result.Manifest!;
    }

    /// <summary>Rows of an import whose manifest was never written: what a failed import's best-effort cleanup can leave.</summary>
    private async Task WriteStagingLeftBehindAsync(TableClient table, string incident)
    {
        var partition = RecipientKeys.Batch(incident, "0000staging", 0);
        foreach (var n in new[] { 1, 2 })
        {
            await table.AddEntityAsync(new TableEntity(partition, $"P{n}")
            {
                ["Line"] = n + 1L, ["GivenName"] = $"Given{n}", ["Email"] = $"staged{n}@example.test", ["Status"] = "pending",
            }, _ct);
        }
    }

    /// <summary>What the fan-out writes for a sent notice, on every row of one batch of the current import.</summary>
    private async Task MarkSentAsync(TableClient table, string incident, int batch)
    {
        var current = (await table.GetEntityAsync<TableEntity>(RecipientKeys.Imports(incident), RecipientKeys.CurrentRow, cancellationToken: _ct)).Value;
        var partition = RecipientKeys.Batch(incident, current.GetString("ImportId"), batch);
        foreach (var row in await RowsAsync(table, partition, exact: true))
        {
            await table.UpdateEntityAsync(new TableEntity(partition, row.RowKey)
            {
                ["Status"] = "sent", ["SendingAt"] = SentAt.AddSeconds(-1), ["SentAt"] = SentAt, ["MessageId"] = $"notice.{row.GetInt64("Line")}@mail.invalid",
            }, row.ETag, TableUpdateMode.Merge, _ct);
        }
    }

    /// <summary>The rows of one partition (<paramref name="exact"/>), or of every partition of an incident.</summary>
    private async Task<List<TableEntity>> RowsAsync(TableClient table, string key, bool exact = false)
    {
        var filter = exact
            ? TableClient.CreateQueryFilter($"PartitionKey eq {key}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {RowKeys.Safe(key) + "|"} and PartitionKey lt {RowKeys.Safe(key) + "}"}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: _ct))
        {
            if (exact || row.PartitionKey != RecipientKeys.Imports(key))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static object? Value(TableEntity row, string name) => row.TryGetValue(name, out var value) ? value : null;

    private static string Snapshot(TableEntity row) =>
        string.Join(";", row.Where(p => p.Key is not ("odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
