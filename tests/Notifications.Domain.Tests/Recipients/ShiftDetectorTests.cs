using Notifications.Domain.Recipients;

namespace Notifications.Domain.Tests.Recipients;

public sealed class ShiftDetectorTests
{
    [Fact]
    public void Finding_EmailsMovedDownFromARow_NamesTheFirstShiftedLine()
    {
        var detector = new ShiftDetector();
        // Rows 2..6 hold emails 1..5 against a system of record where person n has email n; from row 4 on, each row
        // carries the email of the row above.
        UInt128[] emails = [1, 2, 0, 3, 4];
        for (var i = 0; i < emails.Length; i++)
        {
            detector.Observe(line: i + 2, emails[i], expectedEmail: (UInt128)(i + 1));
        }

        var finding = detector.Finding();

        Assert.NotNull(finding);
        Assert.Equal(5, finding.Line);
        Assert.Contains("shifted down by one row from line 5", finding.Message, StringComparison.Ordinal);
        Assert.Equal(3, detector.Mismatches);
    }

    [Fact]
    public void Finding_EmailsMovedUp_SaysUp()
    {
        var detector = new ShiftDetector();
        UInt128[] emails = [1, 3, 4, 5, 5];
        for (var i = 0; i < emails.Length; i++)
        {
            detector.Observe(i + 2, emails[i], (UInt128)(i + 1));
        }

        Assert.Contains("shifted up by one row from line 3", detector.Finding()!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_ScatteredMismatches_None()
    {
        var detector = new ShiftDetector();
        UInt128[] emails = [1, 90, 3, 91, 5, 6];
        for (var i = 0; i < emails.Length; i++)
        {
            detector.Observe(i + 2, emails[i], (UInt128)(i + 1));
        }

        Assert.Null(detector.Finding());
        Assert.Equal(2, detector.Mismatches);
    }
}
