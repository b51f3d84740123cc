using Notifications.Domain.Notices;
using Notifications.Infrastructure.Notices;

namespace Notifications.Infrastructure.Tests.Notices;

public sealed class NoticeTemplateCheckerTests
{
    private static readonly NoticeTemplateSet Defaults = NoticeTemplateSet.Default;

    private static NoticeTemplateSet ChangeBody(string language, Func<string, string> change) => language == "en"
        ? new(Defaults.English with { Body = change(Defaults.English.Body) }, Defaults.French)
        : new(Defaults.English, Defaults.French with { Body = change(Defaults.French.Body) });

    [Fact]
    public void Check_DefaultTemplates_PassTheBcPackInBothLanguages()
    {
        var problems = NoticeTemplateChecker.Check(Defaults, NoticeModels.Pack);

        Assert.Empty(problems.Select(p => p.Message));
    }

    [Fact]
    public void Check_DefaultTemplatesWithAnIncidentModel_Pass() =>
        Assert.Empty(NoticeTemplateChecker.Check(Defaults, NoticeModels.Pack, NoticeModels.For("en"), NoticeModels.For("fr")).Select(p => p.Message));

    [Theory]
    [InlineData("en", "We will never ask you for personal information by email.", "emailNotSecureCaution")]
    [InlineData("fr", "Nous ne vous demanderons jamais de renseignements personnels par courriel.", "emailNotSecureCaution")]
    [InlineData("en", "What kinds of information were involved", "kindsOfPersonalInformation")]
    [InlineData("fr", "Pour nous joindre", "contactDetails")]
    public void Check_TemplateMissingAnElementPhrase_ReportsTheElement(string language, string removed, string element)
    {
        var set = ChangeBody(language, body => body.Replace(removed, "", StringComparison.Ordinal));

        var problems = NoticeTemplateChecker.Check(set, NoticeModels.Pack);

        Assert.Contains(problems, p => p.Code == TemplateProblemCodes.MissingElement && p.Element == element && p.Language == language);
    }

    [Fact]
    public void Check_TemplateThatDropsTheKindsLoop_ReportsMissingValues()
    {
        var set = ChangeBody("en", body => body.Replace("{% for kind in kinds_of_information %}- {{ kind }}\n{% endfor %}", "", StringComparison.Ordinal));

        var problems = NoticeTemplateChecker.Check(set, NoticeModels.Pack);

        Assert.Contains(problems, p => p.Code == TemplateProblemCodes.MissingValue && p.Element == "kindsOfPersonalInformation" && p.Language == "en");
        Assert.Contains(problems, p => p.Code == TemplateProblemCodes.ParityMismatch);
    }

    [Theory]
    [InlineData("Hello\n{% for x in %}\n", 2)]
    [InlineData("Hello {{ given_name ", 1)]
    [InlineData("Line one\nLine two\n{% if commissioner_notified %}yes", null)]
    public void Check_InvalidLiquid_IsLocated(string body, int? line)
    {
        var set = ChangeBody("fr", _ => body);

        var problem = Assert.Single(NoticeTemplateChecker.Check(set, NoticeModels.Pack));

        Assert.Equal((TemplateProblemCodes.InvalidLiquid, "fr", "body"), (problem.Code, problem.Language, problem.Part));
        if (line is not null)
        {
            Assert.Equal(line, problem.Line);
            Assert.NotNull(problem.Column);
        }
    }

    [Theory]
    [InlineData("{{ email }}", "email")]
    [InlineData("{{ person.application_number }}", "person.application_number")]
    [InlineData("{% if false %}{{ identifiers }}{% endif %}", "identifiers")]
    [InlineData("{{ contact.address }}", "contact.address")]
    public void Check_VariableOutsideTheModel_IsRefused(string snippet, string path)
    {
        var set = ChangeBody("en", body => body + snippet);

        var problems = NoticeTemplateChecker.Check(set, NoticeModels.Pack);

        var problem = Assert.Single(problems);
        Assert.Equal(TemplateProblemCodes.UnknownVariable, problem.Code);
        Assert.Contains($"'{path}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LoopAndAssignVariables_AreAllowed()
    {
        var set = ChangeBody("en", body => body + "{% assign n = steps_taken.size %}{% for s in steps_taken %}{{ forloop.index }}{{ s }}{% endfor %}{{ n }}");

        Assert.DoesNotContain(NoticeTemplateChecker.Check(set, NoticeModels.Pack), p => p.Code == TemplateProblemCodes.UnknownVariable);
    }

    [Fact]
    public void Check_StandardLiquidBeyondTheSubset_IsAccepted()
    {
        const string Greeting = "{% if to_guardian %}Dear {{ guardian_name | default: \"parent or guardian\" }},{% elsif given_name == \"\" %}To the people affected,"
            + "{% elsif family_name != \"\" %}Dear {{ given_name | strip }} {{ family_name }},{% else %}Dear {{ given_name }},{% endif %}";
        var set = ChangeBody("en", body => body[(body.IndexOf('\n', StringComparison.Ordinal) + 1)..]
            .Replace("{% for kind in kinds_of_information %}- {{ kind }}\n{% endfor %}",
                "{% for kind in kinds_of_information %}{% case forloop.index %}{% when 1 %}- {{ kind | capitalize }}{% else %}- {{ kind }}{% endcase %}\n{% endfor %}", StringComparison.Ordinal)
            .Insert(0, Greeting + "\n{% unless commissioner_notified %}{% comment %}a draft{% endcomment %}{% endunless %}"));

        Assert.Empty(NoticeTemplateChecker.Check(set, NoticeModels.Pack).Select(p => p.Message));
        Assert.StartsWith("Dear Samplegiven Samplefamily,", new NoticeRenderer().Render(set, NoticeTemplateChecker.SampleModel(NoticeModels.Pack, "en")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hello\n  {% include 'letterhead' %}\n", 2, "Unknown or misplaced tag 'include'")]
    [InlineData("Hello\n\n{{ occurred | date: '%Y' }}", 3, "Unknown filter 'date'")]
    [InlineData("{% tablerow k in kinds_of_information %}{{ k }}{% endtablerow %}", 1, "Unknown or misplaced tag 'tablerow'")]
    public void Check_RefusedTagOrFilter_IsLocated(string body, int line, string message)
    {
        var set = ChangeBody("fr", _ => body);

        var problem = Assert.Single(NoticeTemplateChecker.Check(set, NoticeModels.Pack));

        Assert.Equal((TemplateProblemCodes.InvalidLiquid, "fr", "body", line), (problem.Code, problem.Language, problem.Part, problem.Line));
        Assert.NotNull(problem.Column);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% if false %}{% elsif true %}{{ email }}{% endif %}", "email")]
    [InlineData("{% case language %}{% when 'fr' %}{{ person.sin }}{% endcase %}", "person.sin")]
    [InlineData("{{ contact[\"address\"] }}", "contact.address")]
    [InlineData("{% unless false %}{% capture x %}{{ postal_address }}{% endcapture %}{% endunless %}", "postal_address")]
    [InlineData("{% for s in steps_taken %}{% else %}{{ guardian_email }}{% endfor %}", "guardian_email")]
    public void Check_VariableOutsideTheModelInNewerTags_IsRefused(string snippet, string path)
    {
        var set = ChangeBody("en", body => body + snippet);

        var problem = Assert.Single(NoticeTemplateChecker.Check(set, NoticeModels.Pack));

        Assert.Equal(TemplateProblemCodes.UnknownVariable, problem.Code);
        Assert.Contains($"'{path}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CaptureVariable_IsAllowedAfterItIsCaptured()
    {
        var set = ChangeBody("en", body => "{% capture greeting %}Hello {{ given_name }}{% endcapture %}" + body + "{{ greeting }}");

        Assert.Empty(NoticeTemplateChecker.Check(set, NoticeModels.Pack).Select(p => p.Message));
    }

    [Theory]
    [InlineData("en", "{% if given_name != \"\" %}Dear {{ given_name }} {{ family_name }},{% else %}To the people affected,{% endif %}")]
    [InlineData("fr", "{% if given_name != \"\" %}Bonjour {{ given_name }} {{ family_name }},{% else %}Aux personnes touchées,{% endif %}")]
    public void Check_TemplateThatIgnoresTheGuardian_IsRefusedForTheGuardianVariant(string language, string greeting)
    {
        var set = ChangeBody(language, body => greeting + "\n\n" + body[(body.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]
            .Replace("{% if to_guardian %}", "{% if false %}", StringComparison.Ordinal));

        var problems = NoticeTemplateChecker.Check(set, NoticeModels.Pack);

        Assert.Contains(problems, p => (p.Code, p.Language, p.Part) == (TemplateProblemCodes.GuardianVariant, language, "body") && p.Message.Contains("greeting", StringComparison.Ordinal));
        Assert.Contains(problems, p => (p.Code, p.Element) == (TemplateProblemCodes.MissingElement, NoticeMarkers.PersonInCare));
        Assert.DoesNotContain(problems, p => p.Language != language);
    }

    [Fact]
    public void Check_TemplateThatGreetsEveryGuardianAlike_IsRefusedForNotUsingTheGuardiansName()
    {
        var set = ChangeBody("en", body => body.Replace("Dear {{ guardian_name }},", "To the parent or guardian,", StringComparison.Ordinal));

        var problem = Assert.Single(NoticeTemplateChecker.Check(set, NoticeModels.Pack));

        Assert.Equal((TemplateProblemCodes.GuardianVariant, "en", "body"), (problem.Code, problem.Language, problem.Part));
        Assert.Contains("guardian_name", problem.Message, StringComparison.Ordinal);
    }
}
