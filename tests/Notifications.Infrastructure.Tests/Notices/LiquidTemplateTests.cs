using Notifications.Infrastructure.Notices;

namespace Notifications.Infrastructure.Tests.Notices;

public sealed class LiquidTemplateTests
{
    private static readonly Dictionary<string, object?> Variables = new(StringComparer.Ordinal)
    {
        ["items"] = new[] { "a", "b" },
        ["name"] = "Jo",
        ["flag"] = false,
        ["contact"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["email"] = "x@y.z" },
    };

    [Theory]
    [InlineData("{{ items | join: \", \" }}", "a, b")]
    [InlineData("{% for i in items %}{{ forloop.index }}{{ i }};{% endfor %}", "1a;2b;")]
    [InlineData("{% if flag %}y{% else %}n{% endif %}", "n")]
    [InlineData("{% if name != \"\" and items.size == 2 %}ok{% endif %}", "ok")]
    [InlineData("{% assign n = items | size %}{{ n }}", "2")]
    [InlineData("{{ contact.email | upcase }}", "X@Y.Z")]
    [InlineData("{% if items != empty %}full{% endif %}", "full")]
    public void Render_Subset(string source, string expected)
    {
        Assert.True(LiquidTemplate.TryParse(source, out var template, out var error), error);

        Assert.Equal(expected, template.Render(Variables));
    }

    [Theory]
    [InlineData("{{ missing }}")]
    [InlineData("{{ contact.phone }}")]
    public void Render_UnknownVariable_Throws(string source)
    {
        Assert.True(LiquidTemplate.TryParse(source, out var template, out _));

        Assert.Throws<LiquidException>(() => template.Render(Variables));
    }

    [Theory]
    [InlineData("{{ name | nope }}", "Unknown filter")]
    [InlineData("{% unless x %}", "Unknown or misplaced tag")]
    [InlineData("a\n{% for i in items %}", "Missing 'endfor'")]
    [InlineData("{% endif %}", "Unknown or misplaced tag 'endif'")]
    public void TryParse_Invalid_IsLocated(string source, string message)
    {
        Assert.False(LiquidTemplate.TryParse(source, out _, out var error));

        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Matches(@"at \(\d+:\d+\)$", error);
    }
}
