using Notifications.Domain.Recipients;

namespace Notifications.Domain.Tests.Recipients;

public sealed class NoticeChannelRuleTests
{
    public static TheoryData<string, string?, string?, string?, bool, NoticeChannel> Cases => new()
    {
        { "email", "a@example.test", null, "1 Main St", false, NoticeChannel.Email },
        { "guardian email for a minor", null, "g@example.test", null, false, NoticeChannel.Email },
        { "postal only: letter", null, null, "1 Main St", false, NoticeChannel.Letter },
        { "no contact: indirect", null, null, null, false, NoticeChannel.Indirect },
        { "blank values count as none", " ", "", "  ", false, NoticeChannel.Indirect },
        { "withheld wins over email", "a@example.test", null, "1 Main St", true, NoticeChannel.Withheld },
        { "withheld without contact", null, null, null, true, NoticeChannel.Withheld },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_ReturnsTheChannel(string name, string? email, string? guardian, string? postal, bool withhold, NoticeChannel expected) =>
        Assert.True(expected == NoticeChannelRule.Decide(email, guardian, postal, withhold), name);
}
