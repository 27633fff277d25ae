using FsCheck.Xunit;
using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Indexing;
using Matcher.Matching;
using Matcher.Properties;
using Matcher.Ranking;
using Matcher.Scholarships;
using Matcher.Scoring;
using Matcher.Serialization;
using Matcher.Students;
using Matcher.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Indexing;

/// <summary>
/// The compiled index against the reference evaluator, on random profiles with absent facts, over the real catalog and
/// large synthetic catalogs built from its shapes. CI runs these also with DOTNET_EnableAVX512=0 and
/// DOTNET_EnableHWIntrinsic=0 so that the narrower vector paths and the scalar path are exercised.
/// </summary>
[Trait("Category", "Differential")]
public class CatalogIndexDifferentialTests
{
    private static readonly DateOnly[] Dates = [new(2025, 9, 20), new(2025, 10, 6), new(2026, 3, 1), new(2026, 11, 25)];

    private static readonly Lazy<CatalogSnapshot> Synthetic = new(() => SyntheticCatalog.Build(TestCatalog.Snapshot, 3000, seed: 7));

    private static void AssertSameVerdicts(CatalogSnapshot snapshot, StudentProfile student, DateOnly asOf)
    {
        var index = snapshot.Index;
        var query = index.CreateQuery();
        index.Evaluate(student, asOf, query);
        var counts = new int[3];
        for (var i = 0; i < index.Count; i++)
        {
            var s = index.Scholarships[i];
            var context = new EvaluationContext(student, asOf, s.Call.AgeReferenceDate ?? asOf);
            var expected = Kleene.ToEligibility(Kleene.And(s.Criteria.Select(c => c.Evaluate(context).Verdict)));
            var actual = query.VerdictOf(i);
            Assert.True(expected == actual, $"{s.Id} on {asOf}: reference {expected}, index {actual}; {StudentProfileJson.Serialize(student)}");
            counts[(int)expected]++;
        }

        Assert.Equal((counts[0], counts[1], counts[2]), (query.EligibleCount, query.UnknownCount, query.IneligibleCount));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 400)]
    public void RealCatalog_IndexAgreesWithReference(PartialProfile generated) =>
        AssertSameVerdicts(TestCatalog.Snapshot, generated.Profile, Dates[generated.Seed % Dates.Length]);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public void SyntheticCatalog_IndexAgreesWithReference(PartialProfile generated) =>
        AssertSameVerdicts(Synthetic.Value, generated.Profile, Dates[generated.Seed % Dates.Length]);

    [Fact]
    public void GoldenProfiles_IndexAgreesWithReference()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.json"))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            Assert.True(StudentProfileJson.TryRead(doc.RootElement.GetProperty("profile"), out var profile, out _));
            var asOf = DateOnly.Parse(doc.RootElement.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            AssertSameVerdicts(TestCatalog.Snapshot, profile, asOf);
            AssertSameVerdicts(Synthetic.Value, profile, asOf);
        }
    }

    /// <summary>The fast pipeline (index, fused scoring, top-K heap) writes the same reports as the general one.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public void FastPipeline_WritesTheSameReportsAsTheGeneralPipeline(PartialProfile generated)
    {
        foreach (var snapshot in new[] { TestCatalog.Snapshot, Synthetic.Value })
        {
            using var fast = Matching.TestScholarships.Services(snapshot);
            using var general = Matching.TestScholarships.Services(snapshot, configureServices: s => s.AddScholarshipMatcher().UseRanker<PassThroughRanker>());
            foreach (var top in new int?[] { 1, 10, null })
            {
                var request = new MatchRequest { AsOf = Dates[generated.Seed % Dates.Length], Top = top, IncludeIneligible = top == 1 };
                var expected = MatchReportJson.Serialize(general.GetRequiredService<IScholarshipMatcher>().Match(generated.Profile, request));
                var actual = MatchReportJson.Serialize(fast.GetRequiredService<IScholarshipMatcher>().Match(generated.Profile, request));
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void VectorPath_FollowsTheRuntimeKnobs()
    {
        var path = BitKernels.ActivePath;
        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
        {
            Assert.Equal("Scalar", path);
        }
        else if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
        {
            Assert.NotEqual("Vector512", path);
        }

        Assert.Contains(path, new[] { "Vector512", "Vector256", "Vector128", "Scalar" });
    }

    [Fact]
    public void Index_CompilesTheRealCatalogIntoColumns()
    {
        var index = TestCatalog.Snapshot.Index;
        var names = index.Columns.Select(c => c.Name).ToArray();
        Assert.Contains("age", names);
        Assert.Contains("academicRank.basic", names);
        Assert.Contains("sisfoh", names);
        Assert.Contains(names, n => n.StartsWith("interned", StringComparison.Ordinal));
        Assert.Equal(index.Count, TestCatalog.Snapshot.Scholarships.Count);
    }

    /// <summary>A ranker of another type, so the pipeline takes its general path; it ranks exactly like the default.</summary>
    private sealed class PassThroughRanker(Microsoft.Extensions.Options.IOptions<MatcherOptions> options) : IScholarshipRanker
    {
        private readonly WeightedScholarshipRanker _inner = new(options);

        public IReadOnlyList<RankedCandidate> Rank(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates) => _inner.Rank(student, candidates);
    }
}
