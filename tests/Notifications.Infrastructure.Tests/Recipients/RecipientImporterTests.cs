using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Recipients;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.Recipients;

public sealed class RecipientImporterTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_ValidFile_CommitsManifestWithCountsAndBatchesOfAtMost100()
    {
        using var harness = new RecipientImportHarness(fixture, "valid");
        var csv = new RecipientCsvBuilder().WithPeople(250)
            .Set(4, "email", "").Set(4, "guardian_email", "guardian4@example.test")
            .Set(5, "email", "")
            .Set(6, "email", "").Set(6, "postal_address", "")
            .Set(7, "withhold", "true").Set(7, "withhold_reason", "Safety plan on file");

        var result = await harness.Importer.ImportAsync("inc-1", csv.ToStream(), csv.SystemOfRecord(withoutEmail: [4, 5, 6]), _ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var counts = result.Manifest!.Counts;
        Assert.Equal(250, counts.Rows);
        Assert.Equal(3, result.Manifest.Batches);
        Assert.True(result.Manifest.SystemOfRecordChecked);
        Assert.Equal(83, counts.ByLanguage["fr"]);
        Assert.Equal(167, counts.ByLanguage["en"]);
        Assert.Equal(25, counts.ByJurisdiction["YT"]);
        Assert.Equal(225, counts.ByJurisdiction["BC"]);
        Assert.Equal(1, counts.Withheld);
        Assert.Equal(1, counts.NoEmailButPostal);
        Assert.Equal(1, counts.NoContact);
        Assert.Equal(247, counts.ByChannel[NoticeChannel.Email]);
        Assert.Equal(1, counts.ByChannel[NoticeChannel.Letter]);
        Assert.Equal(1, counts.ByChannel[NoticeChannel.Indirect]);
        Assert.Equal(1, counts.ByChannel[NoticeChannel.Withheld]);

        var sizes = await harness.PartitionSizesAsync(_ct);
        var batches = sizes.Where(s => !s.Key.EndsWith("|imports", StringComparison.Ordinal)).Select(s => s.Value).Order().ToList();
        Assert.Equal([50, 100, 100], batches);
        var stored = await harness.Store.GetManifestAsync("inc-1", _ct);
        Assert.Equal(result.Manifest.ImportId, stored!.ImportId);
        Assert.Equal(counts.ByChannel, stored.Counts.ByChannel);
        Assert.Equal(counts.ByJurisdiction, stored.Counts.ByJurisdiction);
        Assert.Equal(counts.ByLanguage, stored.Counts.ByLanguage);
        Assert.Equal(counts with { ByChannel = stored.Counts.ByChannel, ByJurisdiction = stored.Counts.ByJurisdiction, ByLanguage = stored.Counts.ByLanguage }, stored.Counts);
    }

    [Fact]
    public async Task ImportAsync_GuardianName_IsOptional_StoredTrimmed_AndAddressesTheNoticeToTheGuardian()
    {
        using var harness = new RecipientImportHarness(fixture, "guardian");
        var csv = new RecipientCsvBuilder().WithPeople(4).WithHeader([.. RecipientCsvBuilder.Columns, "guardian_name"])
            .Set(1, "email", "").Set(1, "guardian_email", "guardian1@example.test").Set(1, "guardian_name", "  Pat Okafor ")
            .Set(2, "email", "").Set(2, "guardian_email", "guardian2@example.test")
            .Set(3, "email", "").Set(3, "guardian_name", "Sam Roy"); // a letter to the guardian at the postal address

        var result = await harness.Importer.ImportAsync("inc-g", csv.ToStream(), null, _ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var people = await harness.Store.ReadBatchAsync(Assert.Single(await harness.Store.ListBatchesAsync("inc-g", _ct)), _ct);
        Assert.Equal(
            [(NoticeChannel.Email, new NoticeAddressee(true, "Pat Okafor")), (NoticeChannel.Email, new NoticeAddressee(true, null)),
             (NoticeChannel.Letter, new NoticeAddressee(true, "Sam Roy")), (NoticeChannel.Email, new NoticeAddressee(false, "Given4 Family-4"))],
            people.Select(p => (p.Channel, p.Addressee)));
        Assert.Equal("Pat Okafor", people[0].GuardianName);
    }

    [Fact]
    public async Task ImportAsync_GuardianNameTooLong_IsAnErrorOfItsLineAndColumn()
    {
        using var harness = new RecipientImportHarness(fixture, "guardianlong");
        var csv = new RecipientCsvBuilder().WithPeople(3).WithHeader([.. RecipientCsvBuilder.Columns, "guardian_name"])
            .Set(2, "guardian_name", new string('x', RecipientColumns.MaxLength[RecipientColumns.GuardianName] + 1));

        var result = await harness.Importer.ImportAsync("inc-gl", csv.ToStream(), null, _ct);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, "guardian_name", ImportErrorCodes.TooLong), (error.Line, error.Column!, error.Code));
    }

    [Fact]
    public async Task ReadImportAsync_IsEveryBatchOfTheCurrentImportInFileOrder_AndNothingOfAnotherIncidentOrImport()
    {
        using var harness = new RecipientImportHarness(fixture, "readimport");
        Assert.Empty(await harness.Store.ReadImportAsync("inc-r", _ct)); // nothing imported yet
        Assert.True((await harness.Importer.ImportAsync("inc-r", new RecipientCsvBuilder().WithPeople(120).ToStream(), null, _ct)).Succeeded);
        Assert.True((await harness.Importer.ImportAsync("inc-r", new RecipientCsvBuilder().WithPeople(250).ToStream(), null, _ct)).Succeeded);
        Assert.True((await harness.Importer.ImportAsync("inc-r1", new RecipientCsvBuilder().WithPeople(30).ToStream(), null, _ct)).Succeeded);

        var everyone = await harness.Store.ReadImportAsync("inc-r", _ct);

        var byBatch = new List<StoredRecipient>();
        foreach (var batch in await harness.Store.ListBatchesAsync("inc-r", _ct))
        {
            byBatch.AddRange(await harness.Store.ReadBatchAsync(batch, _ct));
        }

        Assert.Equal(250, everyone.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(RecipientCsvBuilder.PersonId), everyone.Select(p => p.PersonId));
        Assert.Equal(byBatch.Select(p => (p.PersonId, p.Line, p.Email)), everyone.Select(p => (p.PersonId, p.Line, p.Email)));
    }

    [Fact]
    public async Task ReadBatchAsync_2000Rows_RoundTripsEveryPersonInFileOrder()
    {
        using var harness = new RecipientImportHarness(fixture, "roundtrip");
        var csv = new RecipientCsvBuilder().WithPeople(2000).Set(3, "withhold", "true").Set(3, "withhold_reason", "Court order");

        var result = await harness.Importer.ImportAsync("inc-2", csv.ToStream(), null, _ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var batches = await harness.Store.ListBatchesAsync("inc-2", _ct);
        Assert.Equal(20, batches.Count);
        Assert.All(batches, b => Assert.Equal(100, b.Rows));
        Assert.Equal(batches.Count, batches.Select(b => b.BatchId).Distinct().Count());
        var people = new List<StoredRecipient>();
        foreach (var batch in batches)
        {
            people.AddRange(await harness.Store.ReadBatchAsync("inc-2", batch.Number, _ct));
        }

        Assert.Equal(Enumerable.Range(1, 2000).Select(RecipientCsvBuilder.PersonId), people.Select(p => p.PersonId));
        var third = people[2];
        Assert.Equal(RecipientCsvBuilder.Email(3), third.Email);
        Assert.Equal("fr", third.Language);
        Assert.Equal(NoticeChannel.Withheld, third.Channel);
        Assert.Equal("Court order", third.WithholdReason);
        Assert.Equal([new PersonIdentifier("application", "A-3"), new PersonIdentifier("client", "C-3")], third.Identifiers);
        Assert.Equal(RecipientCsvBuilder.Line(3), third.Line);
        Assert.All(people, p => Assert.Equal(StoredRecipient.Pending, p.Status));
        Assert.Equal(1999, people.Count(p => p.Channel == NoticeChannel.Email));
    }

    [Fact]
    public async Task ImportAsync_FailedImportAfterSuccess_LeavesPreviousImportCurrentAndNoStagedRows()
    {
        using var harness = new RecipientImportHarness(fixture, "keepprev");
        var good = new RecipientCsvBuilder().WithPeople(120);
        var first = await harness.Importer.ImportAsync("inc-3", good.ToStream(), null, _ct);
        Assert.True(first.Succeeded);
        var sizesBefore = await harness.PartitionSizesAsync(_ct);

        // 450 valid rows are staged before the bad one at the end is read.
        var bad = new RecipientCsvBuilder().WithPeople(451).Set(451, "email", "not-an-email");
        var second = await harness.Importer.ImportAsync("inc-3", bad.ToStream(), null, _ct);

        Assert.False(second.Succeeded);
        var manifest = await harness.Store.GetManifestAsync("inc-3", _ct);
        Assert.Equal(first.Manifest!.ImportId, manifest!.ImportId);
        Assert.Equal(120, (await harness.Store.ListBatchesAsync("inc-3", _ct)).Sum(b => b.Rows));
        Assert.Equal(20, (await harness.Store.ReadBatchAsync("inc-3", 1, _ct)).Count);
        Assert.Equal(sizesBefore, await harness.PartitionSizesAsync(_ct));
    }

    [Fact]
    public async Task ImportAsync_SecondValidImport_ReplacesTheFirstForReaders()
    {
        using var harness = new RecipientImportHarness(fixture, "replace");
        await harness.Importer.ImportAsync("inc-4", new RecipientCsvBuilder().WithPeople(30).ToStream(), null, _ct);

        var second = await harness.Importer.ImportAsync("inc-4", new RecipientCsvBuilder().WithPeople(5).ToStream(), null, _ct);

        Assert.True(second.Succeeded);
        var batches = await harness.Store.ListBatchesAsync("inc-4", _ct);
        Assert.Equal(second.Manifest!.ImportId, Assert.Single(batches).ImportId);
        Assert.Equal(5, (await harness.Store.ReadBatchAsync("inc-4", 0, _ct)).Count);
    }

    [Fact]
    public async Task ImportAsync_RequestBodyWithoutSynchronousReads_Imports()
    {
        using var harness = new RecipientImportHarness(fixture, "asyncbody");
        var csv = new RecipientCsvBuilder().WithPeople(150);

        var result = await harness.Importer.ImportAsync(
            "inc-5", new AsyncOnlyStream(csv.ToStream()), new AsyncOnlyStream(csv.SystemOfRecord()), _ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(150, result.Manifest!.Counts.Rows);
    }
}
