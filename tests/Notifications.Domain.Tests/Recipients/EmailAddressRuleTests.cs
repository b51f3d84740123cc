using Notifications.Domain.Recipients;

namespace Notifications.Domain.Tests.Recipients;

public sealed class EmailAddressRuleTests
{
    [Theory]
    [InlineData("person1@example.test")]
    [InlineData("first.last+tag@sub.example.test")]
    [InlineData("Mixed.Case@Example.Test")]
    public void IsValid_PlainAddress_True(string value) => Assert.True(EmailAddressRule.IsValid(value));

    [Theory]
    [InlineData("Ann <ann@example.test>")]
    [InlineData("ann@example.test, bob@example.test")]
    [InlineData("ann@@example.test")]
    [InlineData("ann at example.test")]
    [InlineData("ann@localhost")]
    [InlineData("\"ann\"@example.test (comment)")]
    [InlineData("ann@example.test ")]
    public void IsValid_AnythingButOnePlainAddress_False(string value) => Assert.False(EmailAddressRule.IsValid(value));
}
