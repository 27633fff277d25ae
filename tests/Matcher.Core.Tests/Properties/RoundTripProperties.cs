using FsCheck.Xunit;
using Matcher.Eligibility;
using Matcher.Serialization;

namespace Matcher.Properties;

public class RoundTripProperties
{
    /// <summary>(c) Profiles survive JSON: writing what was read gives the same text, and every fact is kept.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void Profile_RoundTripsThroughJson(PartialProfile generated)
    {
        var json = StudentProfileJson.Serialize(generated.Profile);
        var back = StudentProfileJson.Parse(json);
        Assert.Equal(json, StudentProfileJson.Serialize(back));
        var p = generated.Profile;
        Assert.Equal(p.BirthDate, back.BirthDate);
        Assert.Equal(p.MonthlyPerCapitaIncome, back.MonthlyPerCapitaIncome);
        Assert.Equal(NullIfEmpty(p.BasicEducation), back.BasicEducation);
        Assert.Equal(NullIfEmpty(p.HigherEducation), back.HigherEducation);
        Assert.Equal(NullIfEmpty(p.Conditions), back.Conditions);
        Assert.Equal(NullIfEmpty(p.Sisfoh), back.Sisfoh);
        Assert.Equal(p.NativeLanguages, back.NativeLanguages);
    }

    /// <summary>(c) Profiles survive the CSV form as well.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Profile_RoundTripsThroughCsvCells(PartialProfile generated)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(StudentProfileJson.Serialize(generated.Profile));
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(doc.RootElement, string.Empty, cells);
        var header = StudentProfileCsv.KnownColumns.ToArray();
        var row = header.Select(h => cells.GetValueOrDefault(h)).ToArray();
        Assert.True(StudentProfileCsv.TryRead(header, row, 2, out var back, out var errors), string.Join("; ", errors));
        Assert.Equal(StudentProfileJson.Serialize(generated.Profile), StudentProfileJson.Serialize(back));
    }

    /// <summary>(c) Criteria survive JSON, nested ones included.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void Criterion_RoundTripsThroughJson(Criterion criterion)
    {
        var json = CriterionJson.Serialize(criterion);
        var back = CriterionJson.Parse(json);
        Assert.Equal(json, CriterionJson.Serialize(back));
        Assert.Equal(criterion.GetType(), back.GetType());
    }

    /// <summary>Determinism: the same criterion and profile always give the same outcome.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void Evaluation_IsDeterministic(Criterion criterion, PartialProfile generated)
    {
        var context = new EvaluationContext(generated.Profile, Completion.AsOf, new DateOnly(2025, 9, 5));
        var a = criterion.Evaluate(context);
        var b = CriterionJson.Parse(CriterionJson.Serialize(criterion)).Evaluate(context);
        Assert.Equal((a.Verdict, a.Code), (b.Verdict, b.Code));
        Assert.Equal(a.Missing, b.Missing);
    }

    /// <summary>An object without any known fact is the same as an absent one.</summary>
    private static T? NullIfEmpty<T>(T? value)
        where T : class, new() => value is null || value.Equals(new T()) ? null : value;

    private static void Flatten(System.Text.Json.JsonElement e, string prefix, Dictionary<string, string> cells)
    {
        foreach (var p in e.EnumerateObject())
        {
            var name = prefix + p.Name;
            switch (p.Value.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    Flatten(p.Value, name + ".", cells);
                    break;
                case System.Text.Json.JsonValueKind.Array:
                    cells[name] = p.Value.GetArrayLength() == 0 ? "[]" : string.Join("|", p.Value.EnumerateArray().Select(x => x.GetString()));
                    break;
                case System.Text.Json.JsonValueKind.String:
                    cells[name] = p.Value.GetString()!;
                    break;
                default:
                    cells[name] = p.Value.GetRawText();
                    break;
            }
        }
    }
}
