using Bunit;
using Matcher.Portal.Components.Shared;
using Matcher.Portal.Services;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Matcher.Portal.ComponentTests;

public sealed class QuestionnaireTests
{
    [Fact]
    public void Every_question_says_why_it_matters_and_no_se_leaves_the_field_unknown()
    {
        var q = new Questionnaire();
        Assert.All(q.Questions, x => Assert.False(string.IsNullOrWhiteSpace(x.WhyEs) || string.IsNullOrWhiteSpace(x.WhyEn)));
        while (!q.IsLast)
        {
            q.DoNotKnow();
        }

        q.DoNotKnow();
        Assert.Null(q.Validate(english: false));
        var profile = q.ToProfile();
        Assert.Null(profile.BirthDate);
        Assert.Null(profile.NativeLanguages);
        Assert.Null(profile.Conditions);
        Assert.Equal(100, q.Progress);
    }

    [Fact]
    public void Answers_fill_the_profile_and_bad_answers_hold_the_step()
    {
        var q = new Questionnaire();
        Assert.NotNull(q.Next(english: false));
        Assert.Equal(0, q.Step);

        q.Current.Answer = "14/05/2008";
        Assert.Contains("AAAA-MM-DD", q.Next(english: false), StringComparison.Ordinal);
        q.Current.Answer = "2008-05-14";
        Assert.Null(q.Next(english: false));
        q.Current.Answer = "PE";
        Assert.Null(q.Next(english: false));
        q.Current.Answer = "999999";
        Assert.NotNull(q.Next(english: true));
        q.Current.Answer = "080101";
        Assert.Null(q.Next(english: true));

        foreach (var question in q.Questions)
        {
            question.Answer = question.Key switch
            {
                "basicEducation.gradeAverage" => "15,5",
                "nativeLanguages" => Questionnaire.NoNativeLanguage,
                "conditions.disability" => "false",
                "monthlyPerCapitaIncome" => "450",
                "basicEducation.graduationYear" => "2025",
                _ => question.Answer ?? (question.Options.Count > 0 ? question.Options[0].Value : null),
            };
        }

        var profile = q.ToProfile();
        Assert.Equal(new DateOnly(2008, 5, 14), profile.BirthDate);
        Assert.Equal("080101", profile.ResidenceUbigeo.ToString());
        Assert.Equal(15.5m, profile.BasicEducation!.GradeAverage);
        Assert.Equal(2025, profile.BasicEducation.GraduationYear);
        Assert.Empty(profile.NativeLanguages!);
        Assert.False(profile.Conditions!.Disability);
        Assert.Equal(450m, profile.MonthlyPerCapitaIncome);
    }

    [Fact]
    public void Step_component_shows_why_and_choosing_an_option_answers()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddRadzenComponents();
        var q = new Questionnaire();
        q.Current.Answer = "2008-05-14";
        q.Next(english: false);
        var changed = 0;
        var cut = ctx.Render<QuestionStep>(p => p.Add(x => x.Question, q.Current).Add(x => x.Changed, () => changed++));
        Assert.Contains("Por qué importa", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("nacionalidad", cut.Find("#question-prompt").TextContent, StringComparison.Ordinal);
        cut.FindAll(".rz-radiobutton-box")[0].Click();
        Assert.Equal("PE", q.Current.Answer);
        Assert.Equal(1, changed);
    }
}
