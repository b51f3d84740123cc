using Notifications.Domain.Recipients;

namespace Notifications.Domain.Tests.Recipients;

public sealed class PersonIdentifiersTests
{
    [Fact]
    public void TryParse_PairsWithSpaces_ParsesAndLowercasesKinds()
    {
        Assert.True(PersonIdentifiers.TryParse(" Application:A-1 ; client: 77 ;", out var ids));
        Assert.Equal([new PersonIdentifier("application", "A-1"), new PersonIdentifier("client", "77")], ids);
        Assert.Equal("application:A-1;client:77", PersonIdentifiers.Format(ids));
    }

    [Theory]
    [InlineData("application")]
    [InlineData(":A-1")]
    [InlineData("application:")]
    [InlineData("app/no:1")]
    public void TryParse_Malformed_False(string cell) => Assert.False(PersonIdentifiers.TryParse(cell, out _));

    [Fact]
    public void TryParse_Empty_NoIdentifiers() =>
        Assert.True(PersonIdentifiers.TryParse("", out var ids) && ids.Count == 0);
}
