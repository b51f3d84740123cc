using System.Text;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Recipients;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests.Recipients;

public sealed class RecipientImportErrorTests(DevServicesFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_UnknownAndMissingColumns_OneHeaderErrorNamingThem()
    {
        var header = RecipientCsvBuilder.Columns.Where(c => c is not ("email" or "language")).Append("e_mail").ToArray();
        var csv = new RecipientCsvBuilder().WithPeople(3).WithHeader(header);

        var result = await ImportAsync("columns", csv.ToStream());

        var error = Assert.Single(result.Errors);
        Assert.Equal((1L, ImportErrorCodes.Header), (error.Line, error.Code));
        Assert.Contains("email, language", error.Message, StringComparison.Ordinal);
        Assert.Contains("'e_mail'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_BadEmails_EachReportedWithLineAndColumn()
    {
        var csv = new RecipientCsvBuilder().WithPeople(10)
            .Set(2, "email", "Ann <person2@example.test>")
            .Set(5, "email", "person5@@example.test")
            .Set(7, "guardian_email", "guardian at example.test")
            .Set(9, "email", "person9@example.test, other@example.test");

        var result = await ImportAsync("emails", csv.ToStream());

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(3L, "email"), (6L, "email"), (8L, "guardian_email"), (10L, "email")],
            result.Errors.Select(e => (e.Line, e.Column!)));
        Assert.All(result.Errors, e => Assert.Equal(ImportErrorCodes.InvalidEmail, e.Code));
        Assert.All(result.Errors, e => Assert.DoesNotContain("example.test", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_DuplicatePersonAndEmail_ReportBothLines()
    {
        var csv = new RecipientCsvBuilder().WithPeople(8)
            .Set(6, "person_id", RecipientCsvBuilder.PersonId(2))
            .Set(8, "email", RecipientCsvBuilder.Email(3).ToUpperInvariant());

        var result = await ImportAsync("dupes", csv.ToStream());

        var person = Assert.Single(result.Errors, e => e.Code == ImportErrorCodes.DuplicatePersonId);
        Assert.Equal((7L, "person_id"), (person.Line, person.Column));
        Assert.Contains("line 3", person.Message, StringComparison.Ordinal);
        var email = Assert.Single(result.Errors, e => e.Code == ImportErrorCodes.DuplicateEmail);
        Assert.Equal((9L, "email"), (email.Line, email.Column));
        Assert.Contains("line 4", email.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_5MbCell_FailsWithALocatedError()
    {
        var csv = new RecipientCsvBuilder().WithPeople(5).Set(4, "postal_address", new string('x', 5_000_000));

        var result = await ImportAsync("huge", csv.ToStream());

        var error = Assert.Single(result.Errors);
        Assert.Equal((5L, ImportErrorCodes.RecordTooLong), (error.Line, error.Code));
    }

    [Fact]
    public async Task ImportAsync_CellOverTheCapButRecordInLimit_NamesTheColumn()
    {
        var csv = new RecipientCsvBuilder().WithPeople(5).Set(2, "postal_address", new string('x', 5000));

        var result = await ImportAsync("cell", csv.ToStream());

        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, "postal_address", ImportErrorCodes.CellTooLong), (error.Line, error.Column, error.Code));
    }

    [Fact]
    public async Task ImportAsync_Latin1File_FailsWithTheLineOfTheFirstBadByte()
    {
        var text = new RecipientCsvBuilder().WithPeople(40).Set(30, "given_name", "Ren\u00e9e").Build();
        var latin1 = Encoding.Latin1.GetBytes(text);

        var result = await ImportAsync("latin1", new MemoryStream(latin1));

        var error = Assert.Single(result.Errors);
        Assert.Equal((31L, ImportErrorCodes.Encoding), (error.Line, error.Code));
        Assert.Contains("0xE9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_Utf8WithByteOrderMarkAndAccents_Imports()
    {
        var text = new RecipientCsvBuilder().WithPeople(3).Set(2, "given_name", "Ren\u00e9e").Set(2, "postal_address", "1 rue \u00c9cole, Qu\u00e9bec").Build();

        var result = await ImportAsync("bom", new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task ImportAsync_WithholdWithoutReasonAndOtherRowErrors_AllReported()
    {
        var csv = new RecipientCsvBuilder().WithPeople(6)
            .Set(2, "withhold", "true")
            .Set(3, "language", "de")
            .Set(4, "given_name", "")
            .Set(5, "identifiers", "application")
            .Set(6, "withhold", "maybe");

        var result = await ImportAsync("rows", csv.ToStream());

        Assert.Equal(
            [
                (3L, "withhold_reason", ImportErrorCodes.WithholdReasonRequired),
                (4L, "language", ImportErrorCodes.InvalidLanguage),
                (5L, "given_name", ImportErrorCodes.Required),
                (6L, "identifiers", ImportErrorCodes.InvalidIdentifiers),
                (7L, "withhold", ImportErrorCodes.InvalidWithhold),
            ],
            result.Errors.Select(e => (e.Line, e.Column!, e.Code)));
    }

    [Fact]
    public async Task ImportAsync_RowWithAnExtraCell_ReportsFieldCount()
    {
        var text = new RecipientCsvBuilder().WithPeople(3).Build().Replace("P000002,", "P000002,extra,", StringComparison.Ordinal);

        var result = await ImportAsync("shape", RecipientCsvBuilder.Utf8(text));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, ImportErrorCodes.FieldCount), (error.Line, error.Code));
    }

    [Fact]
    public async Task ImportAsync_ErrorOnEveryRow_CapsTheListAndCountsTheRest()
    {
        var csv = new RecipientCsvBuilder().WithPeople(1500);
        for (var n = 1; n <= 1500; n++)
        {
            csv.Set(n, "language", "xx");
        }

        var result = await ImportAsync("cap", csv.ToStream());

        Assert.Equal(ImportErrors.DefaultCap, result.Errors.Count);
        Assert.Equal(500, result.ErrorsNotShown);
    }

    private async Task<ImportResult> ImportAsync(string stem, Stream csv)
    {
        using var harness = new RecipientImportHarness(fixture, stem);
        var result = await harness.Importer.ImportAsync("inc-1", csv, null, _ct);
        if (!result.Succeeded)
        {
            Assert.Null(await harness.Store.GetManifestAsync("inc-1", _ct));
        }

        return result;
    }
}
