namespace Notifications.Domain.Recipients;

/// <summary>
/// Recognises the classic column slip (seed 000) while rows stream past: when most rows whose email disagrees with the
/// system of record carry the email of the person on the row above (or below), the email column has moved by one row
/// against the others. It holds only the previous row, as 128-bit hashes; never an address.
/// </summary>
public sealed class ShiftDetector
{
    private Previous? _previous;
    private long _down;
    private long _up;
    private long? _firstDown;
    private long? _firstUp;

    public long Mismatches { get; private set; }

    /// <summary>
    /// Observes one row in file order. <paramref name="expectedEmail"/> is the system of record's email hash for the
    /// row's person, or null when the person is not there. Returns whether the row's email disagrees with it.
    /// </summary>
    public bool Observe(long line, UInt128 email, UInt128? expectedEmail)
    {
        var mismatch = expectedEmail is { } expected && expected != email;
        if (mismatch)
        {
            Mismatches++;
            if (_previous?.Expected is { } above && above == email)
            {
                _down++;
                _firstDown ??= line;
            }
        }

        if (_previous is { Mismatch: true } previous && expectedEmail is { } mine && previous.Email == mine)
        {
            _up++;
            _firstUp ??= previous.Line;
        }

        _previous = new Previous(line, email, expectedEmail, mismatch);
        return mismatch;
    }

    /// <summary>A file-level finding when most mismatches are one-row shifts in one direction; otherwise null.</summary>
    public ImportError? Finding()
    {
        var (count, first, direction) = _down >= _up ? (_down, _firstDown, "above") : (_up, _firstUp, "below");
        if (count < 2 || count * 2 <= Mismatches || first is not { } line)
        {
            return null;
        }

        var shifted = direction == "above" ? "down" : "up";
        return new ImportError(ImportError.RecipientsFile, line, RecipientColumns.Email, ImportErrorCodes.ShiftedRows,
            $"Emails appear shifted {shifted} by one row from line {line}: {count} of {Mismatches} rows that disagree with " +
            $"the system of record carry the email of the person on the row {direction}. Check that the email column " +
            "was not moved against the other columns, and upload the corrected file.");
    }

    private sealed record Previous(long Line, UInt128 Email, UInt128? Expected, bool Mismatch);
}
