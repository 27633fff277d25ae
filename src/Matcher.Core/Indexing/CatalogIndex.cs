using System.Text.Json;
using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Indexing.Columns;
using Matcher.Scholarships;
using Matcher.Scoring;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Indexing;

/// <summary>
/// A catalog snapshot compiled for matching many students fast: bitsets per criterion value, sorted thresholds with
/// precomputed unions for ages, ranks, grades, years and income, and "unknown" sets, so that the three-valued verdict of
/// every scholarship for one student is a handful of vector operations over bitsets.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; build it once per snapshot (<see cref="CatalogSnapshot.Index"/> does). Verdicts agree with
/// the reference evaluator on every input (a differential property test checks it); reasons and explanations are not
/// computed here but by the criteria themselves, for the results a caller returns.
/// </remarks>
public sealed class CatalogIndex
{
    private readonly IndexColumn[] _columns;
    private readonly ScholarshipScoreTraits[] _traits;
    private readonly int[] _rubricOf;
    private readonly PriorityRubric[] _rubrics;
    private readonly DateOnly?[] _rubricReference;

    private readonly int[] _idOrder;
    private readonly ThresholdSets<int>? _closesBefore;
    private readonly ScoreBoundColumns _bounds;

    // Interests are words from a small vocabulary; folding them (lower case, no accents) once each keeps ranking cheap.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _folded = new(StringComparer.Ordinal);
    private readonly Func<string, string> _fold;
    private int _foldedCount;

    private CatalogIndex(CatalogSnapshot snapshot, Scholarship[] positions, int[] idOrder, IndexColumn[] columns, int[] rubricOf, PriorityRubric[] rubrics, DateOnly?[] rubricReference)
    {
        Snapshot = snapshot;
        Scholarships = positions;
        _idOrder = idOrder;
        Words = BitKernels.Words(Scholarships.Count);
        _columns = columns;
        _traits = new ScholarshipScoreTraits[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            _traits[i] = new ScholarshipScoreTraits(positions[i]);
        }

        _rubricOf = rubricOf;
        _rubrics = rubrics;
        _rubricReference = rubricReference;

        // "Closed on the query date" is "closes before it": one threshold lookup instead of a date check per call.
        var closes = positions.Select((s, i) => (i, s.Call.Closes)).Where(x => x.Closes is not null).Select(x => (x.i, x.Closes!.Value.DayNumber)).ToArray();
        _closesBefore = closes.Length > 0 ? new ThresholdSets<int>(closes, positions.Length, ThresholdQuery.Below) : null;
        _bounds = new ScoreBoundColumns(_traits);
        _fold = word => _folded.TryGetValue(word, out var folded) ? folded
            : Interlocked.Increment(ref _foldedCount) <= 10_000 ? _folded.GetOrAdd(word, StudentScoreTraits.Fold)
            : StudentScoreTraits.Fold(word);
    }

    /// <summary>The snapshot this index was compiled from.</summary>
    public CatalogSnapshot Snapshot { get; }

    /// <summary>
    /// The scholarships in the index's order: calls with the same kinds of criteria sit next to each other so that each
    /// column's bitsets are dense. Positions in this list identify scholarships in queries.
    /// </summary>
    public IReadOnlyList<Scholarship> Scholarships { get; }

    /// <summary>Number of scholarships.</summary>
    public int Count => Scholarships.Count;

    /// <summary>Bytes held by the compiled columns.</summary>
    public long Bytes => _columns.Sum(c => c.Bytes);

    /// <summary>The compiled columns: name and number of scholarships in each (diagnostics).</summary>
    public IReadOnlyList<(string Name, int Members)> Columns =>
        _columns.Select(c => (c is InternedColumn i ? $"interned ({i.DistinctCount} distinct)" : c.Name, c.MemberCount)).ToArray();

    internal IReadOnlyList<(string Name, int Runs, int Words)> Extents => _columns.Select(c => (c.Name, c.Extent.Runs, c.Extent.Words)).ToArray();

    internal int Words { get; }

    internal IEnumerable<(string Criterion, int Members)> InternedCriteria => _columns.OfType<InternedColumn>().SelectMany(c => c.Describe());

    internal int RubricCount => _rubrics.Length;

    /// <summary>Compiles a snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The index.</returns>
    public static CatalogIndex Build(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Builder(snapshot).Build();
    }

    /// <summary>Creates the working memory for queries against this index; reuse it, one per thread.</summary>
    /// <returns>A query.</returns>
    public CatalogQuery CreateQuery() => new(this);

    /// <summary>Computes the verdict of every scholarship for one student into <paramref name="query"/>. Allocates nothing.</summary>
    /// <param name="student">The student.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="query">A query created by this index.</param>
    public void Evaluate(StudentProfile student, DateOnly asOf, CatalogQuery query)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Index != this)
        {
            throw new ArgumentException("The query belongs to another index.", nameof(query));
        }

        Array.Clear(query.Fails);
        Array.Clear(query.Unknown);
        foreach (var column in _columns)
        {
            column.Apply(student, asOf, query.Fails, query.Unknown, query.Scratch);
        }
    }

    /// <summary>
    /// Evaluates, then scores every eligible and unknown scholarship with the default weighted score and keeps the best
    /// <paramref name="destination"/>.Length in report order (open and upcoming calls first, eligible before unknown,
    /// higher score, then id).
    /// </summary>
    /// <returns>How many candidates were written.</returns>
    internal int RankTop(StudentProfile student, DateOnly asOf, CatalogQuery query, ReadOnlySpan<double> weights, double totalWeight, int urgencyHorizonDays, Span<RankedIndex> destination)
    {
        Evaluate(student, asOf, query);
        if (destination.IsEmpty)
        {
            return 0;
        }

        query.Stamp++;
        var traits = new StudentScoreTraits(student, UbigeoDirectory.Default, _fold);
        Span<double> components = stackalloc double[ScoreCalculator.ComponentCount];
        var heap = new TopHeap(destination);
        var bound = new ScoreBoundColumns.Student(_bounds, traits, asOf, urgencyHorizonDays, weights, totalWeight);
        ReadOnlySpan<ulong> closed = _closesBefore is null ? default : _closesBefore.Members(asOf.DayNumber);

        // Report order puts open-or-upcoming eligible calls first, then unknown ones, then closed eligible, then closed
        // unknown. Groups are filled in that order; once the heap is full, no later group can enter it.
        Span<int> chosenBuffer = stackalloc int[256];
        for (var group = 0; group < 4 && !heap.IsFull; group++)
        {
            var verdict = (group & 1) != 0 ? EligibilityVerdict.Unknown : EligibilityVerdict.Eligible;
            var count = CollectGroup(query, closed, unknownGroup: (group & 1) != 0, closedGroup: group >= 2);

            // Exact scores are dear (rounding, the rubric); bounds are cheap. Score the best-bounded candidates first to
            // fill the heap, then only the candidates whose bound can still beat the heap's worst.
            var candidates = query.Candidates.AsSpan(0, count);
            var bounds = query.Bounds.AsSpan(0, count);
            for (var k = 0; k < count; k++)
            {
                bounds[k] = bound.UpperBound(candidates[k], earnedPriorityPoints: int.MaxValue);
            }

            var seeds = Math.Min(heap.Free, count);
            if (seeds < count)
            {
                var chosen = seeds <= chosenBuffer.Length ? chosenBuffer[..seeds] : new int[seeds];
                SelectBest(bounds, chosen);
                foreach (var k in chosen)
                {
                    Offer(ref heap, candidates[k], verdict, student, asOf, query, traits, urgencyHorizonDays, weights, totalWeight, components);
                    bounds[k] = double.NegativeInfinity;
                }
            }

            for (var k = 0; k < count; k++)
            {
                if (!heap.IsFull || bounds[k] + 0.001 >= heap.WorstScore)
                {
                    Offer(ref heap, candidates[k], verdict, student, asOf, query, traits, urgencyHorizonDays, weights, totalWeight, components);
                }
            }
        }

        return heap.Finish();
    }

    private void Offer(ref TopHeap heap, int i, EligibilityVerdict verdict, StudentProfile student, DateOnly asOf, CatalogQuery query, in StudentScoreTraits traits, int urgencyHorizonDays, ReadOnlySpan<double> weights, double totalWeight, scoped Span<double> components)
    {
        var scholarship = _traits[i];
        var status = scholarship.Call.StatusOn(asOf);
        ScoreCalculator.Components(traits, scholarship, status, asOf, EarnedPoints(i, student, asOf, query), urgencyHorizonDays, components);
        var score = ScoreCalculator.Weighted(weights, totalWeight, components, default);
        heap.Offer(new RankedIndex(i, verdict, status, score) { IdOrder = _idOrder[i] });
    }

    /// <summary>The positions (in <paramref name="bounds"/>) of its <paramref name="best"/>.Length largest values, by a bounded min-heap.</summary>
    private static void SelectBest(ReadOnlySpan<double> bounds, Span<int> best)
    {
        var size = 0;
        for (var k = 0; k < bounds.Length; k++)
        {
            if (size < best.Length)
            {
                var c = size++;
                best[c] = k;
                while (c > 0 && bounds[best[(c - 1) >> 1]] > bounds[best[c]])
                {
                    (best[c], best[(c - 1) >> 1]) = (best[(c - 1) >> 1], best[c]);
                    c = (c - 1) >> 1;
                }
            }
            else if (bounds[k] > bounds[best[0]])
            {
                best[0] = k;
                var c = 0;
                while (true)
                {
                    var smallest = c;
                    var l = (2 * c) + 1;
                    if (l < size && bounds[best[l]] < bounds[best[smallest]])
                    {
                        smallest = l;
                    }

                    if (l + 1 < size && bounds[best[l + 1]] < bounds[best[smallest]])
                    {
                        smallest = l + 1;
                    }

                    if (smallest == c)
                    {
                        break;
                    }

                    (best[c], best[smallest]) = (best[smallest], best[c]);
                    c = smallest;
                }
            }
        }
    }

    /// <summary>Writes the positions of one report group's candidates into the query's candidate buffer.</summary>
    private int CollectGroup(CatalogQuery query, ReadOnlySpan<ulong> closed, bool unknownGroup, bool closedGroup)
    {
        var count = 0;
        for (var w = 0; w < Words; w++)
        {
            var candidates = ~query.Fails[w] & (unknownGroup ? query.Unknown[w] : ~query.Unknown[w]);
            var closedWord = closed.IsEmpty ? 0UL : closed[w];
            candidates &= closedGroup ? closedWord : ~closedWord;
            if (w == Words - 1 && (Count & 63) != 0)
            {
                candidates &= (1UL << (Count & 63)) - 1;
            }

            while (candidates != 0)
            {
                query.Candidates[count++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(candidates);
                candidates &= candidates - 1;
            }
        }

        return count;
    }

    private int EarnedPoints(int scholarship, StudentProfile student, DateOnly asOf, CatalogQuery query)
    {
        var r = _rubricOf[scholarship];
        if (r < 0)
        {
            return 0;
        }

        if (query.RubricStamp[r] != query.Stamp)
        {
            query.RubricEarned[r] = PriorityPointsResult.EarnedPoints(_rubrics[r], student, asOf, _rubricReference[r] ?? asOf);
            query.RubricStamp[r] = query.Stamp;
        }

        return query.RubricEarned[r];
    }

    /// <summary>Keeps the best candidates in a bounded max-heap whose root is the worst kept one.</summary>
    private ref struct TopHeap(Span<RankedIndex> items)
    {
        private readonly Span<RankedIndex> _items = items;
        private int _count;

        public readonly bool IsFull => _count == _items.Length;

        public readonly double WorstScore => _items[0].Score;

        public readonly int Free => _items.Length - _count;

        public void Offer(RankedIndex candidate)
        {
            if (_count < _items.Length)
            {
                _items[_count] = candidate;
                SiftUp(_count++);
            }
            else if (RankedIndex.Compare(candidate, _items[0]) < 0)
            {
                _items[0] = candidate;
                SiftDown(0);
            }
        }

        public int Finish()
        {
            var kept = _items[.._count];
            kept.Sort(static (a, b) => RankedIndex.Compare(a, b));
            return _count;
        }

        private void SiftUp(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (RankedIndex.Compare(_items[i], _items[parent]) <= 0)
                {
                    return;
                }

                (_items[i], _items[parent]) = (_items[parent], _items[i]);
                i = parent;
            }
        }

        private void SiftDown(int i)
        {
            while (true)
            {
                var worst = i;
                var left = (2 * i) + 1;
                var right = left + 1;
                if (left < _count && RankedIndex.Compare(_items[left], _items[worst]) > 0)
                {
                    worst = left;
                }

                if (right < _count && RankedIndex.Compare(_items[right], _items[worst]) > 0)
                {
                    worst = right;
                }

                if (worst == i)
                {
                    return;
                }

                (_items[i], _items[worst]) = (_items[worst], _items[i]);
                i = worst;
            }
        }
    }

    /// <summary>Sorts each scholarship's top-level criteria into the columns that can compile them, the rest into the interned column.</summary>
    private sealed class Builder(CatalogSnapshot snapshot)
    {
        private readonly int _bits = snapshot.Scholarships.Count;
        private readonly List<(int, AgeCriterion, DateOnly?)> _ages = [];
        private readonly Dictionary<(UbigeoFact Fact, int Slot), List<(int, UbigeoCriterion)>> _areas = [];
        private readonly Dictionary<(UbigeoFact, int), int> _areaSlots = [];
        private readonly Dictionary<EducationLevel, List<(int, AcademicRankCriterion)>> _ranks = [];
        private readonly List<(int, decimal?, decimal?)> _grades = [];
        private readonly List<(int, decimal?, decimal?)> _incomes = [];
        private readonly Dictionary<string, (Func<StudentProfile, int?> Read, List<(int, int?, int?)> Members)> _intRanges = new(StringComparer.Ordinal);
        private readonly List<(int, SisfohCriterion)> _sisfoh = [];
        private readonly List<(int, IReadOnlyList<EducationModality>)> _modalities = [];
        private readonly List<(int, IReadOnlyList<BasicEducationStatus>)> _statuses = [];
        private readonly Dictionary<Type, List<(int, object)>> _sets = [];
        private readonly Dictionary<PriorityCondition, List<int>> _conditions = [];
        private readonly List<int> _noPrevious = [];
        private readonly List<int> _noCurrent = [];
        private readonly Dictionary<string, (Criterion Criterion, DateOnly? Reference, MemberSet Members)> _interned = new(StringComparer.Ordinal);
        private readonly List<(Type Kind, int Level)> _kindsOfCall = [];

        // Catalogs often share criterion and rubric instances (copies of one call); their JSON keys are computed once.
        private readonly Dictionary<Criterion, string> _keys = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<PriorityRubric, string> _rubricKeys = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Criterion, int> _kindIds = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, int> _kindNames = new(StringComparer.Ordinal);
        private readonly Dictionary<(Type, int), int> _columnKindIds = [];

        public CatalogIndex Build()
        {
            // Calls with the same kinds of criteria are placed together (then by id), so that each column's members form
            // a few dense runs of words instead of being spread over the whole bitset.
            var byId = snapshot.Scholarships;
            var signatureIds = new Dictionary<UInt128, int>();
            var signatures = new int[byId.Count];
            for (var i = 0; i < byId.Count; i++)
            {
                var signature = Signature(byId[i]);
                if (!signatureIds.TryGetValue(signature, out var id))
                {
                    id = signatureIds.Count;
                    signatureIds[signature] = id;
                }

                signatures[i] = id;
            }

            var order = Enumerable.Range(0, byId.Count).ToArray();
            Array.Sort(order, (a, b) => signatures[a] != signatures[b] ? signatures[a].CompareTo(signatures[b]) : a.CompareTo(b));
            var scholarships = order.Select(i => byId[i]).ToArray();
            var rubricOf = new int[scholarships.Length];
            var rubricKeys = new Dictionary<string, int>(StringComparer.Ordinal);
            var rubrics = new List<PriorityRubric>();
            var rubricReference = new List<DateOnly?>();
            for (var i = 0; i < scholarships.Length; i++)
            {
                var s = scholarships[i];
                _kindsOfCall.Clear();
                foreach (var criterion in s.Criteria)
                {
                    Place(i, criterion, s.Call.AgeReferenceDate);
                }

                rubricOf[i] = -1;
                if (s.PriorityPoints is { } rubric)
                {
                    if (!_rubricKeys.TryGetValue(rubric, out var rubricKey))
                    {
                        rubricKey = RubricKey(rubric);
                        _rubricKeys[rubric] = rubricKey;
                    }

                    var key = rubricKey + "@" + s.Call.AgeReferenceDate;
                    if (!rubricKeys.TryGetValue(key, out var r))
                    {
                        r = rubrics.Count;
                        rubricKeys[key] = r;
                        rubrics.Add(rubric);
                        rubricReference.Add(s.Call.AgeReferenceDate);
                    }

                    rubricOf[i] = r;
                }
            }

            return new CatalogIndex(snapshot, scholarships, order, Columns().ToArray(), rubricOf, [.. rubrics], [.. rubricReference]);
        }

        /// <summary>The set of kinds of a call's criteria as a bit set (kinds past the 127th share the last bit: they only cluster less tightly).</summary>
        private UInt128 Signature(Scholarship s)
        {
            UInt128 kinds = 0;
            foreach (var criterion in s.Criteria)
            {
                kinds |= UInt128.One << Math.Min(KindId(criterion), 127);
            }

            return kinds;
        }

        /// <summary>
        /// Criteria that go to the same column share a kind; interned criteria are a kind each (by their JSON). Column
        /// kinds are numbered without building strings, since a large catalog has as many criteria as calls times eight.
        /// </summary>
        private int KindId(Criterion c)
        {
            var columnKind = c switch
            {
                AcademicRankCriterion r => (c.GetType(), (int)r.Level),
                UbigeoCriterion u => (c.GetType(), (int)u.Fact),
                ConditionCriterion k => (c.GetType(), (int)k.Condition),
                CompositeCriterion or NotCriterion or NationalityCriterion or NativeLanguageCriterion => default,
                _ => (c.GetType(), 0),
            };
            if (columnKind.Item1 is not null)
            {
                if (!_columnKindIds.TryGetValue(columnKind, out var columnId))
                {
                    columnId = NextKind();
                    _columnKindIds[columnKind] = columnId;
                }

                return columnId;
            }

            if (!_kindIds.TryGetValue(c, out var id))
            {
                var key = Key(c);
                if (!_kindNames.TryGetValue(key, out id))
                {
                    id = NextKind();
                    _kindNames[key] = id;
                }

                _kindIds[c] = id;
            }

            return id;
        }

        private int NextKind() => _columnKindIds.Count + _kindNames.Count;

        private string Key(Criterion criterion)
        {
            if (!_keys.TryGetValue(criterion, out var key))
            {
                key = CriterionJson.Serialize(criterion with { Id = null, Note = null, Source = null });
                _keys[criterion] = key;
            }

            return key;
        }

        private void Place(int i, Criterion criterion, DateOnly? reference)
        {
            // Several area criteria on one call must all hold: each goes to its own column ("slot").
            if (criterion is UbigeoCriterion area)
            {
                var slot = _areaSlots.GetValueOrDefault((area.Fact, i));
                _areaSlots[(area.Fact, i)] = slot + 1;
                List(_areas, (area.Fact, slot)).Add((i, area));
                return;
            }

            // A second criterion of the same kind on one scholarship would share its member bit; evaluate it separately.
            var kind = (criterion.GetType(), criterion is AcademicRankCriterion r ? (int)r.Level : 0);
            if (_kindsOfCall.Contains(kind))
            {
                Intern(i, criterion, reference);
                return;
            }

            _kindsOfCall.Add(kind);
            switch (criterion)
            {
                case AgeCriterion age:
                    _ages.Add((i, age, reference));
                    break;
                case AcademicRankCriterion rank:
                    List(_ranks, rank.Level).Add((i, rank));
                    break;
                case GradeAverageCriterion grade:
                    _grades.Add((i, grade.AtLeast, null));
                    break;
                case IncomeCriterion income:
                    _incomes.Add((i, null, income.AtMost));
                    break;
                case GraduationYearCriterion year:
                    IntRange("graduationYear", s => s.BasicEducation?.GraduationYear).Add((i, year.AtLeast, year.AtMost));
                    break;
                case CurrentCycleCriterion cycle:
                    IntRange("currentCycle", s => s.HigherEducation?.CurrentCycle).Add((i, cycle.AtLeast, cycle.AtMost));
                    break;
                case WorkExperienceCriterion work:
                    IntRange("workExperience", s => s.HigherEducation?.WorkExperienceMonths).Add((i, work.AtLeast, work.AtMost));
                    break;
                case MilitaryServiceCriterion military:
                    IntRange("militaryService", s => s.MilitaryServiceMonths).Add((i, military.AtLeast, military.AtMost));
                    break;
                case SisfohCriterion sisfoh:
                    _sisfoh.Add((i, sisfoh));
                    break;
                case BasicEducationCriterion basic:
                    if (basic.Modalities is { } modalities)
                    {
                        _modalities.Add((i, modalities));
                    }

                    if (basic.Statuses is { } statuses)
                    {
                        _statuses.Add((i, statuses));
                    }

                    break;
                case SchoolManagementCriterion c:
                    Set(c, i);
                    break;
                case SchoolZoneCriterion c:
                    Set(c, i);
                    break;
                case HigherEducationStatusCriterion c:
                    Set(c, i);
                    break;
                case InstitutionTypeCriterion c:
                    Set(c, i);
                    break;
                case InstitutionManagementCriterion c:
                    Set(c, i);
                    break;
                case DegreeCriterion c:
                    Set(c, i);
                    break;
                case GenderCriterion c:
                    Set(c, i);
                    break;
                case ConditionCriterion condition:
                    List(_conditions, condition.Condition).Add(i);
                    break;
                case NoPreviousHigherStudiesCriterion:
                    _noPrevious.Add(i);
                    break;
                case NoCurrentScholarshipCriterion:
                    _noCurrent.Add(i);
                    break;
                default:
                    Intern(i, criterion, reference);
                    break;
            }
        }

        private void Set<T>(SetCriterion<T> criterion, int i)
            where T : struct, Enum =>
            List(_sets, criterion.GetType()).Add((i, criterion));

        private List<(int, int?, int?)> IntRange(string name, Func<StudentProfile, int?> read)
        {
            if (!_intRanges.TryGetValue(name, out var range))
            {
                range = (read, []);
                _intRanges[name] = range;
            }

            return range.Members;
        }

        private void Intern(int i, Criterion criterion, DateOnly? reference)
        {
            // Only criteria that compute an age depend on the scholarship's reference date.
            var dated = ReadsAge(criterion) ? reference : null;
            var key = Key(criterion) + "@" + dated;
            if (!_interned.TryGetValue(key, out var entry))
            {
                entry = (criterion, dated, new MemberSet(_bits));
                _interned[key] = entry;
            }

            entry.Members.Add(i);
        }

        private static bool ReadsAge(Criterion c) => c switch
        {
            AgeCriterion => true,
            CompositeCriterion composite => composite.Criteria.Any(ReadsAge),
            NotCriterion not => ReadsAge(not.Inner),
            _ => false,
        };

        private static string RubricKey(PriorityRubric rubric)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(rubric.Cap ?? -1);
                foreach (var group in rubric.Groups)
                {
                    writer.WriteNumberValue(group.Cap ?? -1);
                    foreach (var item in group.Items)
                    {
                        writer.WriteNumberValue(item.Points);
                        CriterionJson.Write(writer, item.When with { Id = null, Note = null, Source = null });
                    }
                }

                writer.WriteEndArray();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private IEnumerable<IndexColumn> Columns()
        {
            if (_ages.Count > 0)
            {
                yield return new AgeColumn(_ages, _bits);
            }

            foreach (var ((fact, _), members) in _areas)
            {
                yield return new UbigeoColumn(fact, members, _bits);
            }

            foreach (var (level, members) in _ranks)
            {
                yield return new RankColumn(level, members, _bits);
            }

            if (_grades.Count > 0)
            {
                yield return new RangeColumn<decimal>("gradeAverage", s => s.BasicEducation?.GradeAverage, _grades, _bits);
            }

            if (_incomes.Count > 0)
            {
                yield return new RangeColumn<decimal>("income", s => s.MonthlyPerCapitaIncome, _incomes, _bits);
            }

            foreach (var (name, (read, members)) in _intRanges)
            {
                yield return new RangeColumn<int>(name, read, members, _bits);
            }

            if (_sisfoh.Count > 0)
            {
                yield return new SisfohColumn(_sisfoh, _bits);
            }

            if (_modalities.Count > 0)
            {
                yield return new EnumSetColumn<EducationModality>("basicEducation.modality", s => s.BasicEducation?.Modality, _modalities, _bits);
            }

            if (_statuses.Count > 0)
            {
                yield return new EnumSetColumn<BasicEducationStatus>("basicEducation.status", s => s.BasicEducation?.Status, _statuses, _bits);
            }

            foreach (var (type, members) in _sets)
            {
                yield return SetColumn(type, members);
            }

            foreach (var (condition, members) in _conditions)
            {
                var c = condition;
                yield return new FlagColumn("condition." + EnumText.Of(c), s => s.Conditions?.Get(c), passWhen: true, members, _bits);
            }

            if (_noPrevious.Count > 0)
            {
                yield return new FlagColumn("noPreviousHigherStudies", s => s.PreviousHigherStudies, passWhen: false, _noPrevious, _bits);
            }

            if (_noCurrent.Count > 0)
            {
                yield return new FlagColumn("noCurrentScholarship", s => s.HoldsScholarship, passWhen: false, _noCurrent, _bits);
            }

            if (_interned.Count > 0)
            {
                yield return new InternedColumn(_interned.Values.ToArray());
            }
        }

        private IndexColumn SetColumn(Type type, List<(int Member, object Criterion)> members)
        {
            IndexColumn Make<T>(string name, Func<StudentProfile, T?> read)
                where T : struct, Enum =>
                new EnumSetColumn<T>(name, read, members.Select(m => (m.Member, ((SetCriterion<T>)m.Criterion).In)).ToArray(), _bits);

            return type.Name switch
            {
                nameof(SchoolManagementCriterion) => Make("schoolManagement", s => s.BasicEducation?.SchoolManagement),
                nameof(SchoolZoneCriterion) => Make("schoolZone", s => s.BasicEducation?.SchoolZone),
                nameof(HigherEducationStatusCriterion) => Make("higherEducationStatus", s => s.HigherEducation?.Status),
                nameof(InstitutionTypeCriterion) => Make("institutionType", s => s.HigherEducation?.InstitutionType),
                nameof(InstitutionManagementCriterion) => Make("institutionManagement", s => s.HigherEducation?.Management),
                nameof(DegreeCriterion) => Make("degree", s => s.HigherEducation?.Degree),
                nameof(GenderCriterion) => Make("gender", s => s.Gender),
                _ => throw new InvalidOperationException("No column for " + type.Name),
            };
        }

        private static TValue List<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key)
            where TKey : notnull
            where TValue : new()
        {
            if (!dictionary.TryGetValue(key, out var list))
            {
                list = new TValue();
                dictionary[key] = list;
            }

            return list;
        }
    }
}
