using Notifications.Infrastructure.FanOut;
using Notifications.Infrastructure.Recipients;

namespace Notifications.Infrastructure.Tests.FanOut;

public sealed class NoticeMessageIdTests
{
    private const string Import = "0190f3c2a1b27c3d8e4f5a6b7c8d9e0f";
    private static readonly string Batch = RecipientKeys.Batch("inc-1", Import, 3);

    [Fact]
    public void For_SameIncidentAndPerson_SameIdWithoutThePersonIdInClear()
    {
        var a = NoticeMessageId.For("inc-1", Batch, "C-100234", "example.test");

        Assert.Equal(a, NoticeMessageId.For("inc-1", Batch, "C-100234", "example.test"));
        Assert.NotEqual(a, NoticeMessageId.For("inc-2", RecipientKeys.Batch("inc-2", Import, 3), "C-100234", "example.test"));
        Assert.NotEqual(a, NoticeMessageId.For("inc-1", Batch, "C-100235", "example.test"));
        Assert.Matches($@"^notice\.inc-1\.{Import}\.00003\.[0-9a-f]{{32}}@example\.test$", a);
        Assert.DoesNotContain("100234", a, StringComparison.Ordinal);
    }

    [Fact]
    public void For_NotABatchId_Throws() =>
        Assert.Throws<ArgumentException>(() => NoticeMessageId.For("inc-1", "inc-1", "C-1", "example.test"));

    [Theory]
    [InlineData("{0}")]
    [InlineData("<{0}>")]
    [InlineData("  <{0}> ")]
    public void TryLocate_OurId_GivesIncidentBatchAndTheIdAsStored(string form)
    {
        var id = NoticeMessageId.For("inc-1", Batch, "C-100234", "example.test");

        Assert.True(NoticeMessageId.TryLocate(string.Format(System.Globalization.CultureInfo.InvariantCulture, form, id), out var location));

        Assert.Equal(new NoticeLocation("inc-1", Batch, id), location);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<>")]
    [InlineData("CAF=abc123@mail.example.com")]
    [InlineData("notice.inc-1.abc.00003@example.test")]
    [InlineData("notice.inc-1.abc.3.0123456789abcdef0123456789abcdef@example.test")]
    [InlineData("notice.inc-1.abc.00003.0123456789ABCDEF0123456789ABCDEF@example.test")]
    [InlineData("notice.inc/1.abc.00003.0123456789abcdef0123456789abcdef@example.test")]
    [InlineData("reminder.inc-1.abc.00003.0123456789abcdef0123456789abcdef@example.test")]
    [InlineData("notice.inc-1.abc.00003.0123456789abcdef0123456789abcdef@")]
    public void TryLocate_NotOurShape_IsFalse(string? id) => Assert.False(NoticeMessageId.TryLocate(id, out _));

    [Theory]
    [InlineData("inc-1|abc|00003", true, "abc", 3)]
    [InlineData("a|b|c|imp|00120", true, "imp", 120)]
    [InlineData("inc-1|imports", false, "", -1)]
    [InlineData("inc-1||00003", false, "", -1)]
    [InlineData("inc-1|abc|", false, "", -1)]
    [InlineData("inc-1|abc|-1", false, "", -1)]
    public void TryParseBatch_SplitsImportAndNumber(string batchId, bool ok, string importId, int number)
    {
        Assert.Equal(ok, RecipientKeys.TryParseBatch(batchId, out var import, out var n));
        Assert.Equal((importId, number), (import, n));
    }
}
