using Notifications.Domain.Recipients;

namespace Notifications.Domain.Tests.Recipients;

public sealed class NoticeAddresseeTests
{
    public static TheoryData<string, string?, string?, string?, bool, string?> Rows => new()
    {
        { "own email: the person, by their name", "mika@example.test", null, null, false, "Mika Okafor" },
        { "own email and a guardian: still the person", "mika@example.test", "pat@example.test", "Pat Okafor", false, "Mika Okafor" },
        { "guardian's email and name: the guardian, by name", null, "pat@example.test", " Pat Okafor ", true, "Pat Okafor" },
        { "guardian's email only: the guardian, no name", null, "pat@example.test", null, true, null },
        { "guardian's name only (a letter): the guardian", null, null, "Pat Okafor", true, "Pat Okafor" },
        { "no contact, no guardian: the person", null, null, "  ", false, "Mika Okafor" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void For_DecidesWhoTheNoticeSpeaksTo(string name, string? email, string? guardianEmail, string? guardianName, bool isGuardian, string? addressedTo) =>
        Assert.True(new NoticeAddressee(isGuardian, addressedTo) == NoticeAddressee.For("Mika", "Okafor", email, guardianEmail, guardianName), name);
}
