using System.Globalization;
using System.Text.Json.Nodes;
using Matcher.Parsing.Internal;
using Xunit.Abstractions;

namespace Matcher.Parsing;

/// <summary>Field-level precision and recall of the offline call parser over data/parsing-eval (figures in docs/parsing.md).</summary>
public class CallParserEvaluationTests(ITestOutputHelper output)
{
    // The figures measured and recorded in docs/parsing.md (development set, and texts written after the rules were
    // frozen); a change that lowers any of them fails.
    private const double PrecisionFloor = 0.97;
    private const double RecallFloor = 0.93;
    private const double HeldOutPrecisionFloor = 0.93;
    private const double HeldOutRecallFloor = 0.80;

    [Fact]
    public void EvaluationSet_HasAtLeastFifteenSourcedCalls()
    {
        var calls = EvaluationSet.Calls().ToList();
        Assert.True(calls.Count >= 15, $"{calls.Count} calls");
        foreach (var (name, text, _) in calls)
        {
            Assert.Contains("Fuente:", text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(text), name);
        }
    }

    [Fact]
    public void OfflineParser_FieldLevelPrecisionAndRecall_DoNotDrop()
    {
        var (precision, recall) = Score("calls");
        Assert.True(precision >= PrecisionFloor, $"precision {precision:0.000} < {PrecisionFloor}");
        Assert.True(recall >= RecallFloor, $"recall {recall:0.000} < {RecallFloor}");
    }

    [Fact]
    public void OfflineParser_OnHeldOutTexts_DoesNotDrop()
    {
        var (precision, recall) = Score("held-out");
        Assert.True(precision >= HeldOutPrecisionFloor, $"precision {precision:0.000} < {HeldOutPrecisionFloor}");
        Assert.True(recall >= HeldOutRecallFloor, $"recall {recall:0.000} < {HeldOutRecallFloor}");
    }

    private (double Precision, double Recall) Score(string part)
    {
        var parser = new OfflineScholarshipCallParser();
        int truePositives = 0, predicted = 0, expected = 0;
        var byField = new SortedDictionary<string, (int Tp, int Pred, int Exp)>(StringComparer.Ordinal);
        foreach (var (name, text, expectedDraft) in EvaluationSet.Calls(part))
        {
            var result = parser.Parse(text);
            var json = JsonNode.Parse(ParseResultJson.Serialize(result))!["draft"]!.AsObject();
            var actual = EvaluationSet.Facts(json);
            var wanted = EvaluationSet.Facts(expectedDraft);
            foreach (var token in actual.Union(wanted))
            {
                var field = EvaluationSet.FieldOf(token);
                var (tp, pred, exp) = byField.GetValueOrDefault(field);
                var isTp = actual.Contains(token) && wanted.Contains(token);
                byField[field] = (tp + (isTp ? 1 : 0), pred + (actual.Contains(token) ? 1 : 0), exp + (wanted.Contains(token) ? 1 : 0));
                if (!isTp)
                {
                    output.WriteLine($"{name}: {(actual.Contains(token) ? "extra  " : "missing")} {token}");
                }
            }

            truePositives += actual.Intersect(wanted).Count();
            predicted += actual.Count;
            expected += wanted.Count;
        }

        var precision = (double)truePositives / predicted;
        var recall = (double)truePositives / expected;
        output.WriteLine($"| field | expected | extracted | correct | precision | recall |");
        foreach (var (field, (tp, pred, exp)) in byField)
        {
            output.WriteLine($"| {field} | {exp} | {pred} | {tp} | {Ratio(tp, pred)} | {Ratio(tp, exp)} |");
        }

        output.WriteLine($"| **all** | {expected} | {predicted} | {truePositives} | {precision:0.000} | {recall:0.000} |");
        return (precision, recall);
    }

    private static string Ratio(int a, int b) => b == 0 ? "—" : ((double)a / b).ToString("0.00", CultureInfo.InvariantCulture);
}
