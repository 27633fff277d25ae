using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Properties;
using Matcher.Students;
using Matcher.Testing;

namespace Matcher.Indexing;

/// <summary>
/// The benchmark's peers decide the same as the index: Microsoft RulesEngine running the catalog translated into
/// workflows, the naive per-criterion scan, and the compiled index, on complete profiles (RulesEngine is two-valued).
/// </summary>
[Trait("Category", "Differential")]
public class PeerEngineAgreementTests
{
    private static readonly DateOnly AsOf = new(2025, 9, 20);

    [Fact]
    public async Task RulesEngineNaiveScanAndIndex_GiveTheSameVerdicts()
    {
        var snapshot = new CatalogSnapshot("peers", [.. TestCatalog.Snapshot.Scholarships, .. SyntheticCatalog.Build(TestCatalog.Snapshot, 200, seed: 3).Scholarships]);
        var engine = new RulesEngine.RulesEngine(RulesEngineTranslation.Workflows(snapshot, AsOf), new RulesEngine.Models.ReSettings());
        var index = snapshot.Index;
        var query = index.CreateQuery();
        var random = new Random(11);
        for (var n = 0; n < 40; n++)
        {
            var student = Completion.Full(random, "st-" + n);
            var input = new RulesInput(student);
            index.Evaluate(student, AsOf, query);
            for (var i = 0; i < index.Count; i++)
            {
                var s = index.Scholarships[i];
                var naive = Kleene.ToEligibility(Kleene.And(s.Criteria.Select(c => c.Evaluate(new EvaluationContext(student, AsOf, s.Call.AgeReferenceDate ?? AsOf)).Verdict)));
                var results = await engine.ExecuteAllRulesAsync(s.Id, input);
                Assert.All(results, r => Assert.True(string.IsNullOrEmpty(r.ExceptionMessage), r.ExceptionMessage));
                var rules = results.All(r => r.IsSuccess) ? EligibilityVerdict.Eligible : EligibilityVerdict.Ineligible;
                Assert.True(naive == rules && naive == query.VerdictOf(i), $"{s.Id}: naive {naive}, RulesEngine {rules}, index {query.VerdictOf(i)}");
            }
        }
    }
}
