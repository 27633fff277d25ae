using Matcher.Eligibility;
using Matcher.Geography;
using Matcher.Scholarships;
using Matcher.Students;
using Microsoft.Extensions.Options;

namespace Matcher.Scoring;

/// <summary>The score components documented in docs/scoring.md.</summary>
internal sealed class DefaultScholarshipScorer : IScholarshipScorer
{
    private readonly int _urgencyHorizonDays;
    private readonly UbigeoDirectory _geography;

    public DefaultScholarshipScorer(IOptions<MatcherOptions> options)
    {
        _urgencyHorizonDays = options.Value.UrgencyHorizonDays;
        _geography = UbigeoDirectory.Default;
    }

    public int UrgencyHorizonDays => _urgencyHorizonDays;

    public ScoredCandidate Score(StudentProfile student, Scholarship scholarship, EligibilityResult eligibility, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(scholarship);
        var status = scholarship.Call.StatusOn(asOf);
        var context = new EvaluationContext(student, asOf, scholarship.Call.AgeReferenceDate ?? asOf);
        var points = scholarship.PriorityPoints is { } rubric ? PriorityPointsResult.Evaluate(rubric, context) : null;
        Span<double> c = stackalloc double[ScoreCalculator.ComponentCount];
        ScoreCalculator.Components(new StudentScoreTraits(student, _geography), ScholarshipScoreTraits.Of(scholarship), status, asOf, points?.Earned ?? 0, _urgencyHorizonDays, c);
        return new ScoredCandidate(scholarship, eligibility, status, new ScoreComponents(c[0], c[1], c[2], c[3], c[4], c[5]), points);
    }
}
