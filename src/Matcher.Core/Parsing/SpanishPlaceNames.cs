using System.Collections.Frozen;
using Matcher.Geography;
using Matcher.Parsing.Internal;

namespace Matcher.Parsing;

/// <summary>
/// Finds Peruvian departments, provinces and districts named in Spanish text and gives their INEI codes, from the
/// embedded district directory. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Department names are recognized anywhere. Because many province and district names are also common words or repeat
/// across the country, a province or district is recognized only when the text says so ("provincia de Huanta",
/// "distrito de Sivia", also in a list: "distritos de Sivia, Llochegua y Canayre") or qualifies it with its
/// department or province ("Huanta, Ayacucho"). Accents and case are ignored.
/// </remarks>
public sealed class SpanishPlaceNames
{
    private static readonly Lazy<SpanishPlaceNames> LazyDefault = new(() => new SpanishPlaceNames(UbigeoDirectory.Default));

    private readonly FrozenDictionary<string, UbigeoArea[]> _departments;
    private readonly FrozenDictionary<string, UbigeoArea[]> _provinces;
    private readonly FrozenDictionary<string, UbigeoArea[]> _districts;
    private readonly string[] _allNames;

    private SpanishPlaceNames(UbigeoDirectory directory)
    {
        _departments = Group(directory.Districts.Select(d => (d.Department, UbigeoArea.Parse(d.Ubigeo.ToString()[..2]))), extra: [("cuzco", "08"), ("lima metropolitana", "1501"), ("ancash", "02")]);
        _provinces = Group(directory.Districts.Select(d => (d.Province, UbigeoArea.Parse(d.Ubigeo.ToString()[..4]))));
        _districts = Group(directory.Districts.Select(d => (d.Name, UbigeoArea.Parse(d.Ubigeo.ToString()))));
        _allNames = _departments.Keys.Concat(_provinces.Keys).Concat(_districts.Keys).Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The names of the embedded INEI 2025 directory.</summary>
    public static SpanishPlaceNames Default => LazyDefault.Value;

    /// <summary>Every area with exactly this name (accents and case ignored): departments first, then provinces, then districts.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The areas; empty when none has the name.</returns>
    public IReadOnlyList<UbigeoArea> Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = SpanishText.Key(name);
        return [.. _departments.GetValueOrDefault(key) ?? [], .. _provinces.GetValueOrDefault(key) ?? [], .. _districts.GetValueOrDefault(key) ?? []];
    }

    /// <summary>The places named in a text, in order of appearance (see the remarks of <see cref="SpanishPlaceNames"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The mentions.</returns>
    public IReadOnlyList<PlaceMention> FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = SpanishText.Fold(text);
        var taken = new bool[folded.Length];
        var raw = new List<(TextSpan Span, string Key)>();
        foreach (var name in _allNames)
        {
            var at = 0;
            while ((at = folded.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + name.Length;
                if (IsBoundary(folded, at - 1) && IsBoundary(folded, end) && !taken.AsSpan(at, name.Length).Contains(true))
                {
                    raw.Add((new TextSpan(at, name.Length), name));
                    taken.AsSpan(at, name.Length).Fill(true);
                }

                at = end;
            }
        }

        raw.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var mentions = new List<PlaceMention>();
        string? listKind = null;
        var listEnd = -1;
        for (var i = 0; i < raw.Count; i++)
        {
            var (span, key) = raw[i];
            var before = folded[Math.Max(0, span.Start - 40)..span.Start];
            var kind = ExplicitKind(before);
            if (kind is not null)
            {
                listKind = kind;
                listEnd = SentenceEnd(folded, span.Start);
            }
            else if (listKind is not null && span.Start < listEnd && IsListContinuation(before))
            {
                kind = listKind;
            }
            else
            {
                listKind = null;
            }

            var qualifier = i + 1 < raw.Count && IsQualifier(folded, span.End, raw[i + 1].Span.Start) ? raw[i + 1].Key : null;
            var areas = Resolve(key, kind, qualifier);
            if (areas.Count > 0)
            {
                mentions.Add(new PlaceMention(span, text.Substring(span.Start, span.Length), areas));
                if (qualifier is not null && kind is null && areas[0].Digits > 2)
                {
                    i++;
                }
            }
        }

        return mentions;
    }

    private List<UbigeoArea> Resolve(string key, string? kind, string? qualifier)
    {
        var departments = _departments.GetValueOrDefault(key) ?? [];
        var provinces = _provinces.GetValueOrDefault(key) ?? [];
        var districts = _districts.GetValueOrDefault(key) ?? [];
        IEnumerable<UbigeoArea> candidates = kind switch
        {
            "department" => departments,
            "province" => provinces,
            "district" => districts,
            _ when qualifier is not null => districts.Length > 0 ? districts : provinces,
            _ => departments,
        };
        if (qualifier is not null)
        {
            var within = (_departments.GetValueOrDefault(qualifier) ?? []).Concat(_provinces.GetValueOrDefault(qualifier) ?? []).ToArray();
            var narrowed = candidates.Where(c => within.Any(w => Contains(w, c))).ToList();
            if (narrowed.Count > 0)
            {
                return narrowed;
            }

            if (kind is null)
            {
                return [.. departments];
            }
        }

        return candidates.ToList();
    }

    private static bool Contains(UbigeoArea outer, UbigeoArea inner) =>
        inner.Digits > outer.Digits && inner.ToString().StartsWith(outer.ToString(), StringComparison.Ordinal);

    private static string? ExplicitKind(string before)
    {
        var t = before.TrimEnd();
        if (t.EndsWith("distrito de", StringComparison.Ordinal) || t.EndsWith("distritos de", StringComparison.Ordinal) || t.EndsWith("distrito", StringComparison.Ordinal))
        {
            return "district";
        }

        if (t.EndsWith("provincia de", StringComparison.Ordinal) || t.EndsWith("provincias de", StringComparison.Ordinal) || t.EndsWith("provincia", StringComparison.Ordinal) || t.EndsWith("provincia constitucional del", StringComparison.Ordinal))
        {
            return t.EndsWith("constitucional del", StringComparison.Ordinal) ? "department" : "province";
        }

        return t.EndsWith("region", StringComparison.Ordinal) || t.EndsWith("region de", StringComparison.Ordinal) || t.EndsWith("departamento de", StringComparison.Ordinal) || t.EndsWith("regiones de", StringComparison.Ordinal) || t.EndsWith("departamentos de", StringComparison.Ordinal)
            ? "department"
            : null;
    }

    private static bool IsListContinuation(string before)
    {
        var t = before.TrimEnd();
        return t.EndsWith(',') || t.EndsWith(" y", StringComparison.Ordinal) || t.EndsWith(" e", StringComparison.Ordinal) || t.EndsWith(" o", StringComparison.Ordinal);
    }

    private static bool IsQualifier(string folded, int end, int nextStart)
    {
        if (nextStart <= end || nextStart - end > 4)
        {
            return false;
        }

        var between = folded[end..nextStart].Trim();
        return between is "," or "(" or "-";
    }

    private static int SentenceEnd(string folded, int from)
    {
        var end = folded.IndexOfAny(['.', '\n', ';', ':'], from);
        return end < 0 ? folded.Length : end;
    }

    private static bool IsBoundary(string folded, int index) =>
        index < 0 || index >= folded.Length || !char.IsLetterOrDigit(folded[index]);

    private static FrozenDictionary<string, UbigeoArea[]> Group(IEnumerable<(string Name, UbigeoArea Area)> items, (string Name, string Code)[]? extra = null) =>
        items.Concat((extra ?? []).Select(e => (Name: e.Name, Area: UbigeoArea.Parse(e.Code))))
            .GroupBy(x => SpanishText.Key(x.Name), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Area).Distinct().ToArray(), StringComparer.Ordinal);
}
