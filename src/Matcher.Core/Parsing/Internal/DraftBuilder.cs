using Matcher.Eligibility;

namespace Matcher.Parsing.Internal;

/// <summary>Collects facts with their evidence and the issues of one parse; first statement of a fact wins.</summary>
internal sealed class DraftBuilder(string text)
{
    private readonly Dictionary<string, (object Value, TextSpan Span)> _scalars = new(StringComparer.Ordinal);
    private readonly List<(Criterion Criterion, TextSpan Span)> _criteria = [];
    private readonly List<(string Path, object Value, TextSpan Span)> _items = [];

    public string Text { get; } = text;

    public List<ParseIssue> Issues { get; } = [];

    public List<TextSpan> Used { get; } = [];

    public IReadOnlyList<(Criterion Criterion, TextSpan Span)> Criteria => _criteria;

    public void Issue(string path, string code, TextSpan? span = null, params (string Name, object? Value)[] values) =>
        Issues.Add(ParseIssue.Create(path, code, span, values));

    /// <summary>Sets a scalar; a later different value is reported as a conflict and ignored.</summary>
    public void Set(string path, object value, TextSpan span)
    {
        Used.Add(span);
        if (_scalars.TryGetValue(path, out var existing))
        {
            if (!Equals(existing.Value, value))
            {
                Issue(path, "parse.conflicting-values", span, ("kept", existing.Value), ("ignored", value));
            }

            return;
        }

        _scalars[path] = (value, span);
    }

    public T? Get<T>(string path)
        where T : struct => _scalars.TryGetValue(path, out var v) ? (T)v.Value : null;

    public string? GetString(string path) => _scalars.TryGetValue(path, out var v) ? (string)v.Value : null;

    public bool Has(string path) => _scalars.ContainsKey(path);

    /// <summary>Moves a scalar's evidence to another path (or drops it when <paramref name="to"/> is null).</summary>
    public void Move(string from, string? to)
    {
        if (_scalars.Remove(from, out var entry) && to is not null)
        {
            _scalars[to] = entry;
        }
    }

    public int IndexOf(Criterion criterion) => _criteria.FindIndex(c => ReferenceEquals(c.Criterion, criterion));

    /// <summary>Adds a criterion unless one of the same type is there; a different one of the same type is a conflict.</summary>
    public void Add(Criterion criterion, TextSpan span)
    {
        Used.Add(span);
        var existing = _criteria.FindIndex(c => c.Criterion.Type == criterion.Type && SameFact(c.Criterion, criterion));
        if (existing >= 0)
        {
            var kept = Serialization.CriterionJson.Serialize(_criteria[existing].Criterion);
            var other = Serialization.CriterionJson.Serialize(criterion);
            if (!string.Equals(kept, other, StringComparison.Ordinal))
            {
                Issue("$.criteria[" + existing.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", "parse.conflicting-values", span, ("kept", kept), ("ignored", other));
            }

            return;
        }

        _criteria.Add((criterion, span));
    }

    public void Replace(Criterion old, Criterion replacement)
    {
        var i = _criteria.FindIndex(c => ReferenceEquals(c.Criterion, old));
        _criteria[i] = (replacement, _criteria[i].Span);
    }

    public void AddItem(string path, object value, TextSpan span)
    {
        Used.Add(span);
        if (!_items.Any(i => i.Path == path && Equals(i.Value, value)))
        {
            _items.Add((path, value, span));
        }
    }

    public IReadOnlyList<T> Items<T>(string path) => _items.Where(i => i.Path == path).Select(i => (T)i.Value).ToList();

    public IEnumerable<ParseEvidence> Evidence()
    {
        foreach (var (path, (_, span)) in _scalars.OrderBy(s => s.Value.Span.Start))
        {
            yield return new ParseEvidence(path, span, span.Of(Text));
        }

        for (var i = 0; i < _criteria.Count; i++)
        {
            yield return new ParseEvidence("$.criteria[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", _criteria[i].Span, _criteria[i].Span.Of(Text));
        }

        foreach (var group in _items.GroupBy(i => i.Path))
        {
            var n = 0;
            foreach (var item in group)
            {
                yield return new ParseEvidence(group.Key + "[" + n++.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", item.Span, item.Span.Of(Text));
            }
        }
    }

    public bool IsUsed(TextSpan sentence) => Used.Any(u => u.Overlaps(sentence));

    private static bool SameFact(Criterion a, Criterion b) => a switch
    {
        Eligibility.Criteria.ConditionCriterion ca => b is Eligibility.Criteria.ConditionCriterion cb && ca.Condition == cb.Condition,
        Eligibility.Criteria.UbigeoCriterion ua => b is Eligibility.Criteria.UbigeoCriterion ub && ua.Fact == ub.Fact,
        Eligibility.Criteria.AcademicRankCriterion ra => b is Eligibility.Criteria.AcademicRankCriterion rb && ra.Level == rb.Level,
        _ => true,
    };
}
