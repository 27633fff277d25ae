using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.Scholarships;
using Matcher.Students;

namespace Matcher.Testing;

/// <summary>
/// Large catalogs built from the shapes of the real entries: each synthetic call copies a real one and varies its
/// thresholds (ages, ranks, grades, income, years), areas, SISFOH sets and dates, so that the compiled index meets
/// realistic, diverse inputs at any size. Deterministic for a seed.
/// </summary>
internal static class SyntheticCatalog
{
    private static readonly DateOnly[] ReferenceDates = [new(2025, 9, 5), new(2025, 3, 1), new(2026, 1, 15), new(2024, 9, 6)];

    public static CatalogSnapshot Build(CatalogSnapshot real, int count, int seed)
    {
        var random = new Random(seed);
        var entries = new Scholarship[count];
        for (var i = 0; i < count; i++)
        {
            var template = real.Scholarships[random.Next(real.Scholarships.Count)];
            var criteria = template.Criteria.Select(c => Vary(c, random)).ToList();
            if (random.Next(10) == 0)
            {
                criteria.Add(random.Next(2) == 0
                    ? new GradeAverageCriterion(random.Next(20, 33) / 2m)
                    : new UbigeoCriterion(UbigeoFact.Residence, Departments(random)) { Id = "residence-extra" });
            }

            var reference = random.Next(8) switch
            {
                0 => null,
                1 => ReferenceDates[random.Next(ReferenceDates.Length)],
                _ => template.Call.AgeReferenceDate,
            };
            var opens = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 500));
            entries[i] = template with
            {
                Id = $"syn-{i:D6}-{template.Id}",
                Criteria = criteria,
                Call = new CallWindow(opens, random.Next(6) == 0 ? null : opens.AddDays(random.Next(10, 120)), reference),
            };
        }

        return new CatalogSnapshot("synthetic-" + count, entries);
    }

    private static Criterion Vary(Criterion criterion, Random r)
    {
        Criterion varied = criterion switch
        {
            AgeCriterion a when a.LessThan is not null => new AgeCriterion(atLeast: a.AtLeast, lessThan: r.Next(18, 41), exemptIfDisability: r.Next(4) != 0 && a.ExemptIfDisability),
            AgeCriterion a when a.AtMost is not null => new AgeCriterion(atLeast: r.Next(3) == 0 ? r.Next(15, 19) : a.AtLeast, atMost: r.Next(20, 46), exemptIfDisability: a.ExemptIfDisability),
            AgeCriterion a => new AgeCriterion(atLeast: r.Next(15, 21), exemptIfDisability: a.ExemptIfDisability),
            AcademicRankCriterion k => new AcademicRankCriterion(k.Level, (AcademicRank)r.Next(0, 6), k.CoarCounts && r.Next(5) != 0),
            GradeAverageCriterion => new GradeAverageCriterion(r.Next(20, 33) / 2m),
            IncomeCriterion => new IncomeCriterion(Pick(r, 1025m, 2000m, 5000m, 6510m, 7175m, 7910m)),
            SisfohCriterion s => new SisfohCriterion(r.Next(3) == 0 ? [SisfohLevel.ExtremePoor] : s.In, r.Next(5) != 0 && s.RequireValid),
            GraduationYearCriterion => new GraduationYearCriterion(r.Next(2018, 2024), r.Next(2024, 2027)),
            CurrentCycleCriterion c => new CurrentCycleCriterion(r.Next(1, 4), r.Next(2) == 0 ? null : r.Next(6, 13)),
            WorkExperienceCriterion => new WorkExperienceCriterion(Pick(r, 0, 6, 12, 24, 36)),
            MilitaryServiceCriterion => new MilitaryServiceCriterion(Pick(r, 6, 12, 18)),
            UbigeoCriterion u => new UbigeoCriterion(u.Fact, Departments(r)),
            _ => criterion,
        };
        return ReferenceEquals(varied, criterion) ? criterion : varied with { Id = criterion.Id, Note = criterion.Note, Source = criterion.Source };
    }

    private static UbigeoArea[] Departments(Random r) =>
        Enumerable.Range(0, r.Next(1, 4)).Select(_ => UbigeoArea.Parse(r.Next(1, 26).ToString("D2", System.Globalization.CultureInfo.InvariantCulture))).Distinct().ToArray();

    private static T Pick<T>(Random r, params T[] values) => values[r.Next(values.Length)];
}
