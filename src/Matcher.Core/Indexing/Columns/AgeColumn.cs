using Matcher.Eligibility.Criteria;
using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>
/// Age limits. For scholarships that state an age reference date they are compiled into birth-date thresholds: "age at
/// the reference date is at most M" holds exactly for births on or after some day, found with the reference criterion's
/// own arithmetic, so the column agrees with it to the day (leap days included). Scholarships without a reference date
/// compute ages at the evaluation date; for them the thresholds are ages, compared with the student's age on that date.
/// </summary>
internal sealed class AgeColumn : IndexColumn
{
    private readonly ThresholdSets<int>? _tooOld;
    private readonly ThresholdSets<int>? _tooYoung;
    private readonly ThresholdSets<int>? _tooOldAtEvaluation;
    private readonly ThresholdSets<int>? _tooYoungAtEvaluation;
    private readonly MemberSet _has;
    private readonly MemberSet _exempt;

    public AgeColumn(IReadOnlyList<(int Member, AgeCriterion Criterion, DateOnly? ReferenceDate)> members, int bits)
    {
        _has = new MemberSet(bits);
        _exempt = new MemberSet(bits);
        var earliestBirth = new List<(int, int)>();
        var latestBirth = new List<(int, int)>();
        var oldest = new List<(int, int)>();
        var youngest = new List<(int, int)>();
        foreach (var (member, criterion, reference) in members)
        {
            _has.Add(member);
            if (criterion.ExemptIfDisability)
            {
                _exempt.Add(member);
            }

            if (criterion.AtMost is not null || criterion.LessThan is not null)
            {
                if (reference is { } date)
                {
                    earliestBirth.Add((member, EarliestBirth(criterion, date)));
                }
                else
                {
                    oldest.Add((member, criterion.AtMost ?? (criterion.LessThan!.Value - 1)));
                }
            }

            if (criterion.AtLeast is { } min)
            {
                if (reference is { } date)
                {
                    latestBirth.Add((member, LatestBirth(criterion, date)));
                }
                else
                {
                    youngest.Add((member, min));
                }
            }
        }

        _tooOld = earliestBirth.Count > 0 ? new ThresholdSets<int>(earliestBirth, bits, ThresholdQuery.Above) : null;
        _tooYoung = latestBirth.Count > 0 ? new ThresholdSets<int>(latestBirth, bits, ThresholdQuery.Below) : null;
        _tooOldAtEvaluation = oldest.Count > 0 ? new ThresholdSets<int>(oldest, bits, ThresholdQuery.Below) : null;
        _tooYoungAtEvaluation = youngest.Count > 0 ? new ThresholdSets<int>(youngest, bits, ThresholdQuery.Above) : null;
    }

    public override string Name => "age";

    public override int MemberCount => _has.Count;

    public override (int Runs, int Words) Extent => (_has.Runs.Length, _has.Runs.Sum(r => r.Length));

    public override long Bytes =>
        _has.Bytes + _exempt.Bytes + (_tooOld?.Bytes ?? 0) + (_tooYoung?.Bytes ?? 0) + (_tooOldAtEvaluation?.Bytes ?? 0) + (_tooYoungAtEvaluation?.Bytes ?? 0);

    public override void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch)
    {
        var disability = student.Conditions?.Disability;
        if (student.BirthDate is not { } birth)
        {
            if (disability == true)
            {
                BitKernels.OrAndNot(unknown, _has.Bits, _exempt.Bits, _has.Runs);
            }
            else
            {
                BitKernels.Or(unknown, _has.Bits, _has.Runs);
            }

            return;
        }

        var day = birth.DayNumber;
        if (_tooOld is not null)
        {
            Contribute(_tooOld.Members(day), disability, fails, unknown);
        }

        if (_tooYoung is not null)
        {
            Contribute(_tooYoung.Members(day), disability, fails, unknown);
        }

        if (_tooOldAtEvaluation is not null || _tooYoungAtEvaluation is not null)
        {
            var age = AgeCriterion.AgeOn(birth, asOf);
            if (_tooOldAtEvaluation is not null)
            {
                Contribute(_tooOldAtEvaluation.Members(age), disability, fails, unknown);
            }

            if (_tooYoungAtEvaluation is not null)
            {
                Contribute(_tooYoungAtEvaluation.Members(age), disability, fails, unknown);
            }
        }
    }

    private void Contribute(ReadOnlySpan<ulong> outOfBounds, bool? disability, Span<ulong> fails, Span<ulong> unknown)
    {
        switch (disability)
        {
            case true:
                BitKernels.OrAndNot(fails, outOfBounds, _exempt.Bits, _has.Runs);
                break;
            case false:
                BitKernels.Or(fails, outOfBounds, _has.Runs);
                break;
            default:
                BitKernels.OrAndNot(fails, outOfBounds, _exempt.Bits, _has.Runs);
                BitKernels.OrAnd(unknown, outOfBounds, _exempt.Bits, _has.Runs);
                break;
        }
    }

    /// <summary>The first birth day number that satisfies the criterion's upper bound at the reference date.</summary>
    internal static int EarliestBirth(AgeCriterion criterion, DateOnly reference)
    {
        var max = criterion.AtMost ?? (criterion.LessThan!.Value - 1);

        // Born exactly max + 1 years before the reference date is one year too old; a few days later the bound holds.
        return FirstDay(reference.AddYears(-(max + 1)).DayNumber - 2, day => AgeCriterion.AgeOn(DateOnly.FromDayNumber(day), reference) <= max);
    }

    /// <summary>The last birth day number that satisfies the criterion's lower bound at the reference date.</summary>
    internal static int LatestBirth(AgeCriterion criterion, DateOnly reference)
    {
        var min = criterion.AtLeast!.Value;

        // Born exactly min years before the reference date is old enough; a few days later it is not.
        return FirstDay(reference.AddYears(-min).DayNumber - 2, day => AgeCriterion.AgeOn(DateOnly.FromDayNumber(day), reference) < min) - 1;
    }

    /// <summary>The first day from <paramref name="start"/> where a predicate that is false then true becomes true.</summary>
    private static int FirstDay(int start, Func<int, bool> predicate)
    {
        var day = start;
        while (!predicate(day))
        {
            day++;
        }

        return day;
    }
}
