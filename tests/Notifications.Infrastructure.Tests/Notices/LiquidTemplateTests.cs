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
    [InlineData("{% unless x %}", "Missing 'endunless'")]
    [InlineData("a\n{% for i in items %}", "Missing 'endfor'")]
    [InlineData("{% endif %}", "Unknown or misplaced tag 'endif'")]
    public void TryParse_Invalid_IsLocated(string source, string message)
    {
        Assert.False(LiquidTemplate.TryParse(source, out _, out var error));

        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Matches(@"at \(\d+:\d+\)$", error);
    }

    [Theory]
    [InlineData("{% if flag %}y{% elsif name == \"Jo\" %}jo{% else %}n{% endif %}", "jo")]
    [InlineData("{% unless flag %}u{% endunless %}", "u")]
    [InlineData("{% case name %}{% when \"Al\", \"Jo\" %}known{% else %}other{% endcase %}", "known")]
    [InlineData("{% for i in items reversed limit: 1 %}{{ i }}{% endfor %}{% for i in items reversed %}{{ i }}{% endfor %}", "aba")]
    [InlineData("{% for i in items offset: 1 %}{{ forloop.rindex }}{{ i }}{% endfor %}", "1b")]
    [InlineData("{% for i in items %}{% if forloop.first %}{% continue %}{% endif %}{{ i }}{% break %}{% endfor %}", "b")]
    [InlineData("{% for i in none %}x{% else %}nothing{% endfor %}", "nothing")]
    [InlineData("{% capture c %}{{ name }}!{% endcapture %}{{ c | upcase }}", "JO!")]
    [InlineData("a{% comment %}{{ whatever }}{% endcomment %}{% # note %}b", "ab")]
    [InlineData("{% raw %}{{ not_evaluated }}{% endraw %}", "{{ not_evaluated }}")]
    [InlineData("x  {%- if true -%}  y  {%- endif -%}  z", "xyz")]
    [InlineData("{{ contact[\"email\"] }} {{ items.last }} {{ name.size }}", "x@y.z b 2")]
    [InlineData("{{ name | capitalize | replace: \"J\", \"Y\" | append: \"-\" | truncate: 3, \"\" }}", "Yo-")]
    [InlineData("{{ items.size | plus: 1 | times: 2 }} {{ items | reverse | join: \"\" }}", "6 ba")]
    [InlineData("{% echo name | downcase %}", "jo")]
    [InlineData("{% if missing_is_nil == null %}{% endif %}", "")]
    public void Render_StandardLiquidTheSubsetRefused(string source, string expected)
    {
        var variables = new Dictionary<string, object?>(Variables) { ["none"] = Array.Empty<string>(), ["missing_is_nil"] = "set" };
        Assert.True(LiquidTemplate.TryParse(source, out var template, out var error), error);

        Assert.Equal(expected, template.Render(variables));
    }

    [Theory]
    [InlineData("{{ items | join }}", "a b")]
    [InlineData("{% if flag == false and name contains \"J\" %}{{ flag | default: \"none\" }}{% endif %}", "none")]
    [InlineData("{% if missing_is_nil != nil %}{{ items.first | prepend: \">\" }}{% endif %}", ">a")]
    public void Render_FiltersTheDefaultsUse_KeepTheirOutput(string source, string expected)
    {
        var variables = new Dictionary<string, object?>(Variables) { ["missing_is_nil"] = "set" };
        Assert.True(LiquidTemplate.TryParse(source, out var template, out var error), error);

        Assert.Equal(expected, template.Render(variables));
    }

    [Theory]
    [InlineData("{{ items.size | divided_by: 0 }}")]
    [InlineData("{{ items.size | modulo: 0 }}")]
    public void Render_FilterThatCannotCompute_ThrowsLiquidException(string source)
    {
        Assert.True(LiquidTemplate.TryParse(source, out var template, out _));

        Assert.Throws<LiquidException>(() => template.Render(Variables));
    }

    [Theory]
    [InlineData("Hi\n{% include 'letterhead' %}", "Unknown or misplaced tag 'include' at (2:")]
    [InlineData("{% render 'letterhead' %}", "Unknown or misplaced tag 'render' at (1:")]
    [InlineData("{% tablerow i in items %}{{ i }}{% endtablerow %}", "Unknown or misplaced tag 'tablerow' at (1:")]
    [InlineData("{% liquid\necho name %}", "Unknown or misplaced tag 'liquid' at (1:")]
    [InlineData("Hi\n\n  {{ name | date: '%Y' }}", "Unknown filter 'date' at (3:13)")]
    [InlineData("{{ name | escape }}", "Unknown filter 'escape' at (1:11)")]
    [InlineData("{% assign j = contact | json %}", "Unknown filter 'json' at (1:")]
    [InlineData("{{ name | split: '' | join: name }}", "Unknown filter 'split' at (1:")]
    [InlineData("{% if true %}{{ items | map: 'x' | first }}{% endif %}", "Unknown filter 'map' at (1:")]
    public void TryParse_RefusedTagOrFilter_IsLocated(string source, string message)
    {
        Assert.False(LiquidTemplate.TryParse(source, out _, out var error));

        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Matches(@"at \(\d+:\d+\)$", error);
    }

    [Theory]
    [InlineData("{% for i in (1..100000) %}x{% endfor %}", "steps")]
    [InlineData("{% for a in (1..20) %}{% for b in (1..20) %}{% for c in (1..20) %}x{% endfor %}{% endfor %}{% endfor %}", "steps")]
    [InlineData("{% assign s = \"x\" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}", "longer than")]
    [InlineData("{% capture s %}x{% endcapture %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", "longer than")]
    [InlineData("{% assign l = items %}{% for i in (1..20) %}{% assign l = l | concat: l %}{% endfor %}", "more than 1000 items")]
    [InlineData("{% for i in (1..4000) %}{{ \"0123456789012345678901234567890123456789\" }}{% endfor %}", "renders more than")]
    public void Render_PastALimit_Throws(string source, string message)
    {
        Assert.True(LiquidTemplate.TryParse(source, out var template, out var error), error);

        var thrown = Assert.Throws<LiquidException>(() => template.Render(Variables));
        Assert.Contains(message, thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ Name }}")]
    [InlineData("{{ name.nope }}")]
    public void Render_NamesAreCaseSensitiveAndMembersStrict(string source)
    {
        Assert.True(LiquidTemplate.TryParse(source, out var template, out _));

        var thrown = Assert.Throws<LiquidException>(() => template.Render(Variables));
        Assert.DoesNotContain("Fluid.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsPlainText_NeverHtmlEncoded()
    {
        Assert.True(LiquidTemplate.TryParse("{{ name | append: \" <b>O'Brien & Sons</b>\" }}", out var template, out _));

        Assert.Equal("Jo <b>O'Brien & Sons</b>", template.Render(Variables));
    }
}
