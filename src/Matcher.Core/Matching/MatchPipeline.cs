using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Explanations;
using Matcher.Indexing;
using Matcher.Ranking;
using Matcher.Scholarships;
using Matcher.Scoring;
using Matcher.Students;
using Microsoft.Extensions.Options;

namespace Matcher.Matching;

/// <summary>Eligibility → scoring → ranking → explanation over the current catalog snapshot.</summary>
internal sealed class MatchPipeline : IScholarshipMatcher
{
    private readonly ICatalogProvider _catalog;
    private readonly IEligibilityEvaluator _eligibility;
    private readonly IScholarshipScorer _scorer;
    private readonly IScholarshipRanker _ranker;
    private readonly IMatchExplainer _explainer;
    private readonly IMatcherClock _clock;
    private readonly FastPath? _fast;
    private readonly ConcurrentQueue<CatalogQuery> _queries = new();

    public MatchPipeline(
        ICatalogProvider catalog,
        IEligibilityEvaluator eligibility,
        IScholarshipScorer scorer,
        IScholarshipRanker ranker,
        IMatchExplainer explainer,
        IMatcherClock clock)
    {
        _catalog = catalog;
        _eligibility = eligibility;
        _scorer = scorer;
        _ranker = ranker;
        _explainer = explainer;
        _clock = clock;

        // With the default evaluator, scorer and ranker, verdicts come from the compiled index and only the returned
        // candidates are scored in full and explained; any replaced part takes the general path.
        if (eligibility is CriteriaEligibilityEvaluator { HasRules: false } && scorer is DefaultScholarshipScorer defaultScorer && ranker is WeightedScholarshipRanker weighted)
        {
            _fast = new FastPath(weighted.Weights.ToArray(), weighted.TotalWeight, defaultScorer.UrgencyHorizonDays);
        }
    }

    public MatchReport Match(StudentProfile student, MatchRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(student);
        request ??= new MatchRequest();
        if (request.Top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Top, "Top must not be negative.");
        }

        var culture = MatcherCultures.Resolve(request.Language);
        var asOf = request.AsOf ?? _clock.Today();
        var snapshot = _catalog.Current;
        var weights = WeightsOf(request);
        if (_fast is { } fast && request.ScholarshipIds is null)
        {
            return MatchIndexed(student, request, snapshot, asOf, culture, weights is null ? fast : fast with { Weights = weights, TotalWeight = weights.Sum() });
        }

        var candidates = new List<ScoredCandidate>();
        var ineligible = new List<ScoredCandidate>();
        foreach (var scholarship in Select(snapshot, request))
        {
            var eligibility = _eligibility.Evaluate(student, scholarship, asOf);
            if (eligibility.Verdict == EligibilityVerdict.Ineligible && !request.IncludeIneligible)
            {
                continue;
            }

            var scored = _scorer.Score(student, scholarship, eligibility, asOf);
            (eligibility.Verdict == EligibilityVerdict.Ineligible ? ineligible : candidates).Add(scored);
        }

        var ranked = Order(RankWith(student, candidates, weights));
        if (request.Top is { } top)
        {
            ranked = ranked.Take(top).ToList();
        }

        var matches = new List<ScholarshipMatch>(ranked.Count + ineligible.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            matches.Add(ToMatch(ranked[i], i + 1, asOf, culture, request.Explain));
        }

        if (ineligible.Count > 0)
        {
            matches.AddRange(OrderIneligible(RankWith(student, ineligible, weights)).Select(r => ToMatch(r, null, asOf, culture, request.Explain)));
        }

        return new MatchReport(student.Id, asOf, snapshot.Version, culture.TwoLetterISOLanguageName, matches);
    }

    /// <summary>The request's weights as an array, validated; <see langword="null"/> when the configured ones apply.</summary>
    private static double[]? WeightsOf(MatchRequest request)
    {
        if (request.Weights is not { } w)
        {
            return null;
        }

        var weights = w.ToArray();
        if (weights.Any(x => double.IsNaN(x) || x < 0 || x > 100) || weights.All(x => x <= 0))
        {
            throw new ArgumentException("Each weight must be between 0 and 100 and at least one must be positive.", nameof(request));
        }

        return weights;
    }

    private IReadOnlyList<RankedCandidate> RankWith(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates, double[]? weights) =>
        weights is not null && _ranker is WeightedScholarshipRanker
            ? WeightedScholarshipRanker.Rank(candidates, weights, weights.Sum())
            : _ranker.Rank(student, candidates);

    private MatchReport MatchIndexed(StudentProfile student, MatchRequest request, CatalogSnapshot snapshot, DateOnly asOf, CultureInfo culture, FastPath fast)
    {
        var index = snapshot.Index;
        var query = RentQuery(index);
        var capacity = Math.Min(request.Top ?? index.Count, index.Count);
        var top = ArrayPool<RankedIndex>.Shared.Rent(Math.Max(1, capacity));
        try
        {
            var count = index.RankTop(student, asOf, query, fast.Weights, fast.TotalWeight, fast.UrgencyHorizonDays, top.AsSpan(0, capacity));
            var matches = new List<ScholarshipMatch>(count);
            for (var k = 0; k < count; k++)
            {
                var scholarship = index.Scholarships[top[k].Index];
                var eligibility = _eligibility.Evaluate(student, scholarship, asOf);
                matches.Add(ToMatch(WeightedScholarshipRanker.Weigh(_scorer.Score(student, scholarship, eligibility, asOf), fast.Weights, fast.TotalWeight), k + 1, asOf, culture, request.Explain));
            }

            if (request.IncludeIneligible)
            {
                var ineligible = new List<RankedCandidate>();
                for (var i = 0; i < index.Count; i++)
                {
                    if (query.VerdictOf(i) == EligibilityVerdict.Ineligible)
                    {
                        var scholarship = index.Scholarships[i];
                        ineligible.Add(WeightedScholarshipRanker.Weigh(_scorer.Score(student, scholarship, _eligibility.Evaluate(student, scholarship, asOf), asOf), fast.Weights, fast.TotalWeight));
                    }
                }

                matches.AddRange(OrderIneligible(ineligible).Select(r => ToMatch(r, null, asOf, culture, request.Explain)));
            }

            return new MatchReport(student.Id, asOf, snapshot.Version, culture.TwoLetterISOLanguageName, matches);
        }
        finally
        {
            ArrayPool<RankedIndex>.Shared.Return(top);
            ReturnQuery(query);
        }
    }

    private CatalogQuery RentQuery(CatalogIndex index)
    {
        while (_queries.TryDequeue(out var query))
        {
            if (query.Index == index)
            {
                return query;
            }
        }

        return index.CreateQuery();
    }

    private void ReturnQuery(CatalogQuery query)
    {
        if (_queries.Count < Environment.ProcessorCount * 4)
        {
            _queries.Enqueue(query);
        }
    }

    /// <summary>Near misses first: fewest failing criteria, then id.</summary>
    private static IEnumerable<RankedCandidate> OrderIneligible(IEnumerable<RankedCandidate> ineligible) =>
        ineligible
            .OrderBy(r => r.Candidate.Eligibility.Outcomes.Count(o => o.Verdict == Verdict.Fail))
            .ThenBy(r => r.Candidate.Scholarship.Id, StringComparer.Ordinal);

    public ScholarshipMatch? Explain(StudentProfile student, string scholarshipId, MatchRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(scholarshipId);
        request ??= new MatchRequest();
        var scholarship = _catalog.Current.Find(scholarshipId);
        if (scholarship is null)
        {
            return null;
        }

        var asOf = request.AsOf ?? _clock.Today();
        var eligibility = _eligibility.Evaluate(student, scholarship, asOf);
        var ranked = RankWith(student, [_scorer.Score(student, scholarship, eligibility, asOf)], WeightsOf(request))[0];
        return ToMatch(ranked, null, asOf, MatcherCultures.Resolve(request.Language));
    }

    public IAsyncEnumerable<MatchReport> MatchManyAsync(
        IAsyncEnumerable<StudentProfile> students,
        MatchRequest? request = null,
        CancellationToken cancellationToken = default) =>
        MatchManyAsync(students, static report => report, request, cancellationToken);

    public IAsyncEnumerable<TResult> MatchManyAsync<TResult>(
        IAsyncEnumerable<StudentProfile> students,
        Func<MatchReport, TResult> selector,
        MatchRequest? request = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(students);
        ArgumentNullException.ThrowIfNull(selector);
        var fixedRequest = (request ?? new MatchRequest()) with { AsOf = request?.AsOf ?? _clock.Today() };
        return OrderedParallel.SelectAsync(students, student => selector(Match(student, fixedRequest)), cancellationToken);
    }

    private static IEnumerable<Scholarship> Select(CatalogSnapshot snapshot, MatchRequest request) =>
        request.ScholarshipIds is { } ids
            ? ids.Select(snapshot.Find).OfType<Scholarship>().DistinctBy(s => s.Id)
            : snapshot.Scholarships;

    /// <summary>Open, upcoming and unknown-status calls before closed ones; eligible before unknown; the ranker's order within.</summary>
    private static List<RankedCandidate> Order(IReadOnlyList<RankedCandidate> ranked) =>
        ranked
            .Select((r, i) => (r, i))
            .OrderBy(x => x.r.Candidate.CallStatus == CallStatus.Closed ? 1 : 0)
            .ThenBy(x => x.r.Candidate.Eligibility.Verdict == EligibilityVerdict.Eligible ? 0 : 1)
            .ThenBy(x => x.i)
            .Select(x => x.r)
            .ToList();

    private sealed record FastPath(double[] Weights, double TotalWeight, int UrgencyHorizonDays);

    private ScholarshipMatch ToMatch(RankedCandidate ranked, int? rank, DateOnly asOf, CultureInfo culture, bool explain = true)
    {
        var c = ranked.Candidate;
        var s = c.Scholarship;
        return new ScholarshipMatch
        {
            ScholarshipId = s.Id,
            Name = s.Name.Get(culture),
            Provider = s.Provider,
            Verdict = c.Eligibility.Verdict,
            Rank = rank,
            Score = ranked.Score,
            ScoreBreakdown = ranked.Breakdown,
            Call = new CallInfo(c.CallStatus, s.Call.Opens, s.Call.Closes),
            Reasons = explain ? c.Eligibility.Outcomes.Select(o => _explainer.Explain(o, culture)).ToArray() : [],
            Missing = c.Eligibility.Missing,
            NextSteps = explain ? _explainer.NextSteps(c, asOf, culture) : [],
            PriorityPoints = c.PriorityPoints,
            SourceUrl = s.SourceUrl,
        };
    }
}
