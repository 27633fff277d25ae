using Matcher.Scholarships;
using Matcher.Scoring;

namespace Matcher.Indexing;

/// <summary>
/// The student-independent parts of every call's score as flat arrays, for a cheap upper bound of the score: a
/// candidate whose bound cannot beat the current top K is skipped without computing its exact, rounded score.
/// </summary>
internal sealed class ScoreBoundColumns
{
    private readonly double[] _targeting;
    private readonly double[] _selectivity;
    private readonly double[] _value;
    private readonly bool[] _readsHigherRank;
    private readonly bool[] _hasFields;
    private readonly byte[] _level;
    private readonly int[] _opens;
    private readonly int[] _closes;
    private readonly int[] _priorityMax;

    public ScoreBoundColumns(ScholarshipScoreTraits[] traits)
    {
        var n = traits.Length;
        (_targeting, _selectivity, _value) = (new double[n], new double[n], new double[n]);
        (_readsHigherRank, _hasFields, _level) = (new bool[n], new bool[n], new byte[n]);
        (_opens, _closes, _priorityMax) = (new int[n], new int[n], new int[n]);
        for (var i = 0; i < n; i++)
        {
            var t = traits[i];
            _targeting[i] = t.NeedTargeting;
            _selectivity[i] = t.Selective ? 1.0 : 0.6;
            _value[i] = Math.Min(1, t.Value);
            _readsHigherRank[i] = t.ReadsHigherRank;
            _hasFields[i] = t.Fields.Length > 0;
            _level[i] = (byte)t.Level;
            _opens[i] = t.Call.Opens?.DayNumber ?? int.MinValue;
            _closes[i] = t.Call.Closes?.DayNumber ?? int.MaxValue;
            _priorityMax[i] = t.PriorityMax;
        }
    }

    /// <summary>The bound for one student and date, with the student's parts computed once.</summary>
    public readonly ref struct Student
    {
        private readonly ScoreBoundColumns _columns;
        private readonly ReadOnlySpan<double> _w;
        private readonly double _total;
        private readonly double _need;
        private readonly double _basicMerit;
        private readonly double _higherMerit;
        private readonly double _interests;
        private readonly int _today;
        private readonly int _horizon;
        private readonly double _fit0;
        private readonly double _fit1;
        private readonly double _fit2;
        private readonly double _fit3;
        private readonly double _fit4;
        private readonly double _fit5;

        public Student(ScoreBoundColumns columns, in StudentScoreTraits student, DateOnly asOf, int horizonDays, ReadOnlySpan<double> weights, double totalWeight)
        {
            _columns = columns;
            _w = weights;
            _total = totalWeight;
            _need = student.Need;
            _basicMerit = student.BasicStrength;
            _higherMerit = student.HigherStrength;
            _interests = student.Interests is null ? 0.6 : 1.0;
            _today = asOf.DayNumber;
            _horizon = horizonDays;
            _fit0 = ScoreCalculator.LevelFit(student, (ScholarshipLevel)0);
            _fit1 = ScoreCalculator.LevelFit(student, (ScholarshipLevel)1);
            _fit2 = ScoreCalculator.LevelFit(student, (ScholarshipLevel)2);
            _fit3 = ScoreCalculator.LevelFit(student, (ScholarshipLevel)3);
            _fit4 = ScoreCalculator.LevelFit(student, (ScholarshipLevel)4);
            _fit5 = ScoreCalculator.LevelFit(student, (ScholarshipLevel)5);
        }

        /// <summary>At least the exact weighted score of call <paramref name="i"/> before rounding.</summary>
        public double UpperBound(int i, int earnedPriorityPoints)
        {
            var c = _columns;
            var merit = (c._readsHigherRank[i] ? _higherMerit : _basicMerit) * c._selectivity[i];
            var levelFit = c._level[i] switch { 0 => _fit0, 1 => _fit1, 2 => _fit2, 3 => _fit3, 4 => _fit4, _ => _fit5 };
            var fit = (levelFit + (c._hasFields[i] ? _interests : 0.6)) / 2;
            var urgency = _today < c._opens[i] ? 0.3
                : c._closes[i] == int.MaxValue ? 0.1
                : _today > c._closes[i] ? 0.0
                : Math.Max(0.2, 1.0 - ((double)(c._closes[i] - _today) / _horizon));
            var priority = c._priorityMax[i] > 0 ? Math.Min(1, (double)earnedPriorityPoints / c._priorityMax[i]) : 0;
            return ((_w[0] * Math.Min(1, _need * c._targeting[i]))
                + (_w[1] * Math.Min(1, merit))
                + (_w[2] * fit)
                + (_w[3] * c._value[i])
                + (_w[4] * urgency)
                + (_w[5] * Math.Min(1, priority))) / _total;
        }
    }
}
