using Notifications.Domain.Recipients;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.Recipients;

/// <summary>The seed-000 guard: every row's email must be the one the body's system of record holds for that person.</summary>
public sealed class SystemOfRecordCheckTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_EmailsShiftedByOneRow_IsBlockedAndTheShiftIsReported()
    {
        using var harness = new RecipientImportHarness(fixture, "shift");
        var csv = new RecipientCsvBuilder().WithPeople(300).ShiftEmailsDown(from: 120);

        var result = await harness.Importer.ImportAsync("inc-1", csv.ToStream(), csv.SystemOfRecord(), _ct);

        Assert.False(result.Succeeded);
        var finding = result.Errors[0];
        Assert.Equal(ImportErrorCodes.ShiftedRows, finding.Code);
        Assert.Equal(RecipientCsvBuilder.Line(121), finding.Line);
        Assert.Contains($"shifted down by one row from line {RecipientCsvBuilder.Line(121)}", finding.Message, StringComparison.Ordinal);
        var mismatches = result.Errors.Where(e => e.Code == ImportErrorCodes.EmailMismatch).ToList();
        Assert.Equal(181, mismatches.Count);
        Assert.Equal(RecipientCsvBuilder.Line(120), mismatches[0].Line);
        Assert.All(mismatches, e => Assert.Equal("email", e.Column));
        Assert.Contains(RecipientCsvBuilder.PersonId(120), mismatches[0].Message, StringComparison.Ordinal);
        Assert.Null(await harness.Store.GetManifestAsync("inc-1", _ct));
        Assert.Empty(await harness.PartitionSizesAsync(_ct));
    }

    [Fact]
    public async Task ImportAsync_OneWrongEmailAndOneUnknownPerson_LocatedWithoutAShiftFinding()
    {
        using var harness = new RecipientImportHarness(fixture, "sormiss");
        var csv = new RecipientCsvBuilder().WithPeople(20)
            .Set(5, "email", "someone.else@example.test")
            .Set(9, "person_id", "X-9");

        var result = await harness.Importer.ImportAsync("inc-1", csv.ToStream(), csv.SystemOfRecord(), _ct);

        Assert.Equal(
            [(6L, "email", ImportErrorCodes.EmailMismatch), (10L, "person_id", ImportErrorCodes.NotInSystemOfRecord)],
            result.Errors.Select(e => (e.Line, e.Column!, e.Code)));
    }

    [Fact]
    public async Task ImportAsync_EmailDiffersOnlyInCase_Passes()
    {
        using var harness = new RecipientImportHarness(fixture, "sorcase");
        var csv = new RecipientCsvBuilder().WithPeople(5).Set(2, "email", "Person2@Example.TEST");

        var result = await harness.Importer.ImportAsync("inc-1", csv.ToStream(), csv.SystemOfRecord(), _ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task ImportAsync_SystemOfRecordWithADuplicatePerson_ReportsItInThatFile()
    {
        using var harness = new RecipientImportHarness(fixture, "sordup");
        var csv = new RecipientCsvBuilder().WithPeople(3);
        var reference = RecipientCsvBuilder.Utf8("person_id,email\nP000001,person1@example.test\nP000002,person2@example.test\n" +
            "P000003,person3@example.test\nP000002,other@example.test\n");

        var result = await harness.Importer.ImportAsync("inc-1", csv.ToStream(), reference, _ct);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("system_of_record", 5L, ImportErrorCodes.DuplicatePersonId), (error.File, error.Line, error.Code));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }
}
