using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Matching;
using Matcher.Ranking;
using Matcher.Scholarships;
using Matcher.Scoring;
using Matcher.Students;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.DependencyInjection;

public class MatcherServiceCollectionExtensionsTests
{
    [Fact]
    public void AddScholarshipMatcher_EnsureServicesNotAddedTwice()
    {
        var once = new ServiceCollection();
        once.AddScholarshipMatcher();
        var twice = new ServiceCollection();
        twice.AddScholarshipMatcher();
        twice.AddScholarshipMatcher(o => o.UrgencyHorizonDays = 30);
        Assert.Equal(
            once.Where(d => d.ServiceType != typeof(IConfigureOptions<MatcherOptions>)).Select(d => d.ServiceType.FullName).Order(StringComparer.Ordinal),
            twice.Where(d => d.ServiceType != typeof(IConfigureOptions<MatcherOptions>)).Select(d => d.ServiceType.FullName).Order(StringComparer.Ordinal));
        using var sp = twice.BuildServiceProvider();
        Assert.Equal(30, sp.GetRequiredService<IOptions<MatcherOptions>>().Value.UrgencyHorizonDays);
    }

    [Fact]
    public void PipelineParts_AreSingletonsAcrossScopes()
    {
        using var sp = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var a = sp.CreateScope();
        using var b = sp.CreateScope();
        Assert.Same(a.ServiceProvider.GetRequiredService<IScholarshipMatcher>(), b.ServiceProvider.GetRequiredService<IScholarshipMatcher>());
        Assert.Same(a.ServiceProvider.GetRequiredService<ICatalogProvider>(), b.ServiceProvider.GetRequiredService<ICatalogProvider>());
    }

    [Fact]
    public void InvalidWeights_StopStartWithAMessageNamingTheSetting()
    {
        using var sp = new ServiceCollection()
            .AddScholarshipMatcher(o => o.Weights = new ScoringWeights { Need = 0, Merit = 0, Fit = 0, Value = 0, Urgency = 0, Priority = 0 })
            .Services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<MatcherOptions>>().Value);
        Assert.Contains("Matcher:Weights", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangeWeight_IsRejectedByTheAttributeValidator()
    {
        using var sp = new ServiceCollection().AddScholarshipMatcher(o => o.Weights.Need = -1).Services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<MatcherOptions>>().Value);
        Assert.Contains("Need", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCatalogDirectory_IsRejected()
    {
        using var sp = new ServiceCollection().AddScholarshipMatcher(o => o.CatalogDirectory = "/no/such/folder").Services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<MatcherOptions>>().Value);
        Assert.Contains("/no/such/folder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BindFromConfiguration()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Matcher:Weights:Need"] = "0.9",
            ["Matcher:UrgencyHorizonDays"] = "21",
        }).Build();
        using var sp = new ServiceCollection().AddScholarshipMatcher(config.GetSection("Matcher")).Services.BuildServiceProvider();
        var options = sp.GetRequiredService<IOptions<MatcherOptions>>().Value;
        Assert.Equal((0.9, 21), (options.Weights.Need, options.UrgencyHorizonDays));
    }

    [Fact]
    public void UseRanker_ReplacesTheDefaultInsteadOfAddingASecond()
    {
        var services = new ServiceCollection();
        services.AddScholarshipMatcher().UseRanker<ReverseIdRanker>();
        Assert.Single(services, d => d.ServiceType == typeof(IScholarshipRanker));
        using var sp = services.BuildServiceProvider();
        var report = sp.GetRequiredService<IScholarshipMatcher>().Match(TestProfiles.Huancavelica, new MatchRequest { AsOf = new DateOnly(2025, 9, 20) });

        // Within each group the pipeline keeps (open-or-upcoming eligible, then unknown, then closed), the ranker's order holds.
        var groups = report.Matches.GroupBy(m => (m.Call.Status == CallStatus.Closed, m.Verdict)).ToArray();
        Assert.True(groups.Length > 1);
        Assert.All(groups, g => Assert.Equal(g.Select(m => m.ScholarshipId).OrderDescending(StringComparer.Ordinal), g.Select(m => m.ScholarshipId)));
    }

    [Fact]
    public void AddEligibilityRule_AppliesTheRuleToEveryScholarship()
    {
        var services = new ServiceCollection();
        services.AddScholarshipMatcher().AddEligibilityRule<OnlyHuancavelicaRule>().AddEligibilityRule<OnlyHuancavelicaRule>();
        Assert.Single(services, d => d.ServiceType == typeof(IEligibilityRule));
        using var sp = services.BuildServiceProvider();
        var limeño = TestProfiles.Huancavelica with { Id = "st-lima", ResidenceUbigeo = Geography.Ubigeo.Parse("150101") };
        var report = sp.GetRequiredService<IScholarshipMatcher>().Match(limeño, new MatchRequest { AsOf = new DateOnly(2025, 9, 20), IncludeIneligible = true });
        Assert.All(report.Matches, m => Assert.Equal(EligibilityVerdict.Ineligible, m.Verdict));
        Assert.All(report.Matches, m => Assert.Contains(m.Reasons, r => r.Criterion == "residence"));
    }

    private sealed class ReverseIdRanker(IOptions<MatcherOptions> options) : IScholarshipRanker
    {
        private readonly double _unused = options.Value.UrgencyHorizonDays;

        public IReadOnlyList<RankedCandidate> Rank(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates) =>
            candidates.OrderByDescending(c => c.Scholarship.Id, StringComparer.Ordinal)
                .Select(c => new RankedCandidate(c, _unused > 0 ? 0.5 : 0, new Dictionary<string, double>()))
                .ToArray();
    }

    private sealed class OnlyHuancavelicaRule : IEligibilityRule
    {
        private static readonly UbigeoCriterion InHuancavelica = new(UbigeoFact.Residence, [Geography.UbigeoArea.Parse("09")]) { Id = "residence" };

        public CriterionOutcome? Evaluate(Scholarship scholarship, EvaluationContext context) => InHuancavelica.Evaluate(context);
    }
}
