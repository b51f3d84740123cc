using Azure;
using Azure.Data.Tables;
using CsvHelper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Notifications.Domain.Recipients;
using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// Imports an incident's recipient file as a stream: every row is validated (each error with its line and column),
/// checked for duplicate person ids and emails, and, when the body's system of record is supplied, checked against
/// it (the seed-000 guard). Valid rows are staged in batches as they are read; only when the whole file is valid does
/// one transaction point the incident's manifest at the new import. Anything less leaves the previous import current.
/// Storage failures throw (the caller answers 503); data problems come back in the <see cref="ImportResult"/>.
/// </summary>
public sealed class RecipientImporter(StorageClients storage, TimeProvider time, ILogger<RecipientImporter>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<RecipientImporter>.Instance;

    public async Task<ImportResult> ImportAsync(string incidentId, Stream csv, Stream? systemOfRecord, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var importId = Guid.CreateVersion7(now).ToString("N");
        var errors = new ImportErrors();
        var reference = systemOfRecord is null ? null : await SystemOfRecord.LoadAsync(systemOfRecord, errors, ct);

        var table = await storage.TableAsync(RecipientKeys.Table);
        var current = await table.GetEntityIfExistsAsync<TableEntity>(
            RecipientKeys.Imports(incidentId), RecipientKeys.CurrentRow, ["PartitionKey"], ct);
        var staging = new StagingWriter(table, incidentId, importId);
        var committed = false;
        try
        {
            var tally = new RecipientTally();
            await ReadRowsAsync(csv, reference, errors, tally, staging, ct);
            if (errors.Any)
            {
                return Reject(incidentId, importId, errors);
            }

            await staging.CompleteAsync(ct);
            var manifest = new ImportManifest(incidentId, importId, now, staging.Batches, reference is not null, tally.ToCounts());
            if (!await CommitAsync(table, manifest, current.HasValue ? current.Value!.ETag : null, ct))
            {
                RecipientsLog.LostRace(_log, incidentId, importId);
                errors.AddFinding(new ImportError(ImportError.RecipientsFile, 0, null, ImportErrorCodes.ConcurrentImport,
                    "Another recipient file for this incident was imported while this one was read. Check which one is current and upload again if needed."));
                return Reject(incidentId, importId, errors);
            }

            committed = true;
            RecipientsLog.Committed(_log, incidentId, importId, manifest.Counts.Rows, manifest.Batches);
            return ImportResult.Success(manifest);
        }
        finally
        {
            if (!committed && staging.Batches > 0)
            {
                using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var deleted = await staging.DeleteAsync(cleanup.Token);
                RecipientsLog.StagingDeleted(_log, incidentId, importId, deleted, staging.Batches);
            }
        }
    }

    private ImportResult Reject(string incidentId, string importId, ImportErrors errors)
    {
        RecipientsLog.Rejected(_log, incidentId, importId, errors.Total);
        return ImportResult.Failed(errors);
    }

    private static async Task ReadRowsAsync(
        Stream csv, SystemOfRecord? reference, ImportErrors errors, RecipientTally tally, StagingWriter staging, CancellationToken ct)
    {
        using var reader = RecipientCsv.Open(csv, m => errors.Add(new ImportError(ImportError.RecipientsFile, m.LineNumber, null,
            ImportErrorCodes.MalformedQuotes, $"Malformed quoting ({m.Reason}): a quote inside a cell must be doubled and the cell quoted.")));
        try
        {
            await reader.ReadHeaderAsync(ct);
            var check = RecipientColumns.Check(reader.Headers);
            if (!check.IsValid)
            {
                errors.Add(new ImportError(ImportError.RecipientsFile, 1, null, ImportErrorCodes.Header, check.Describe()));
                return;
            }

            var rows = new RowChecks(reference, errors);
            var columns = reader.Headers.Select(RecipientColumns.Normalize).ToArray();
            while (await reader.ReadAsync(ct))
            {
                var row = ReadRow(reader, columns, errors);
                if (row is null || !rows.Check(row, tally))
                {
                    continue;
                }

                tally.Add(row);
                if (!errors.Any)
                {
                    await staging.AddAsync(row, ct); // once the file is known to be bad, stop writing
                }
            }

            rows.Finish();
            if (reader.RowNumber == 0 && !errors.Any)
            {
                errors.Add(new ImportError(ImportError.RecipientsFile, 1, null, ImportErrorCodes.Empty, "The file has a header but no recipients."));
            }
        }
        catch (Exception e) when (SystemOfRecord.Fatal(e, reader) is { } error)
        {
            errors.Add(error);
        }
    }

    /// <summary>The cells of the current record, or null (with errors) when the record has the wrong shape.</summary>
    private static RecipientRow? ReadRow(CsvReader reader, string[] columns, ImportErrors errors)
    {
        var line = reader.LineNumber;
        if (reader.FieldCount != columns.Length)
        {
            errors.Add(new ImportError(ImportError.RecipientsFile, line, null, ImportErrorCodes.FieldCount,
                $"The row has {reader.FieldCount} cells, the header {columns.Length}. Columns may have slipped on this row."));
            return null;
        }

        var values = new Dictionary<string, string>(columns.Length, StringComparer.Ordinal);
        var tooLong = false;
        for (var i = 0; i < columns.Length; i++)
        {
            if (reader.GetSpan(i).Length > RecipientColumns.MaxCellBytes)
            {
                errors.Add(new ImportError(ImportError.RecipientsFile, line, columns[i], ImportErrorCodes.CellTooLong,
                    $"The cell is longer than {RecipientColumns.MaxCellBytes} bytes."));
                tooLong = true;
                continue;
            }

            values[columns[i]] = reader.GetString(i);
        }

        return tooLong ? null : RecipientRowValidator.Validate(new RecipientCells(line, values), errors);
    }

    private static async Task<bool> CommitAsync(TableClient table, ImportManifest manifest, ETag? current, CancellationToken ct)
    {
        var pointer = manifest.ToEntity(RecipientKeys.CurrentRow);
        pointer.ETag = current ?? default;
        TableTransactionAction[] actions =
        [
            current is null
                ? new(TableTransactionActionType.Add, pointer)
                : new(TableTransactionActionType.UpdateReplace, pointer, current.Value),
            new(TableTransactionActionType.UpsertReplace, manifest.ToEntity(ImportManifest.ImportRowPrefix + manifest.ImportId)),
        ];
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
