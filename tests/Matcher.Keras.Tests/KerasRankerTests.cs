using System.Text.Json.Nodes;
using Matcher.Matching;
using Matcher.Ranking;
using Matcher.Ranking.Features;
using Matcher.Serialization;
using Microsoft.Extensions.DependencyInjection;
using static Matcher.Keras.SyntheticModel;

namespace Matcher.Keras;

public sealed class KerasRankerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "matcher-keras-" + Guid.NewGuid().ToString("N"));

    public KerasRankerTests() => Directory.CreateDirectory(_dir);

    internal static SyntheticModel RankerModel(Random random, int inputs) => new(
        [
            new TLayer("InputLayer", "features", Cfg(("batch_input_shape", new JsonArray(null, inputs))), []),
            new TLayer("Dense", "h", Cfg(("units", 32), ("activation", "relu"), ("use_bias", true)), [W("kernel", random, inputs, 32), W("bias", random, 32)], "features"),
            new TLayer("Dense", "score", Cfg(("units", 1), ("activation", "sigmoid"), ("use_bias", true)), [W("kernel", random, 32, 1), W("bias", random, 1)], "h"),
        ],
        ["features"],
        ["score"]);

    [Fact]
    public void AddKerasRanker_RanksByTheModelsScore()
    {
        var path = Path.Combine(_dir, "ranker.keras");
        var synthetic = RankerModel(new Random(1), RankingFeatures.Count);
        File.WriteAllBytes(path, synthetic.WriteKeras3Zip());
        using var services = new ServiceCollection().AddScholarshipMatcher().AddKerasRanker(path).Services.BuildServiceProvider();
        var ranker = services.GetRequiredService<IScholarshipRanker>();
        Assert.Equal("KerasRanker", ranker.GetType().Name);
        var student = StudentProfileJson.Parse("""
            { "id": "st-1", "nationality": "PE", "birthDate": "2007-03-10", "gender": "female", "residenceUbigeo": "090101",
              "sisfoh": { "classification": "poor", "validUntil": "2027-06-30" },
              "basicEducation": { "modality": "ebr", "status": "graduated", "graduationYear": 2024, "schoolManagement": "public", "academicRank": "topThird", "gradeAverage": 15.2 },
              "nativeLanguages": ["quechua"] }
            """);
        var report = services.GetRequiredService<IScholarshipMatcher>().Match(student, new MatchRequest { AsOf = new DateOnly(2025, 9, 20) });
        Assert.NotEmpty(report.Matches);
        Assert.All(report.Matches, m => Assert.Equal(m.Score, m.ScoreBreakdown["keras"]));

        // Within each call-status group the pipeline keeps the ranker's order: scores never increase.
        var open = report.Matches.Where(m => m.Call.Status == Scholarships.CallStatus.Open && m.Verdict == Eligibility.EligibilityVerdict.Eligible).Select(m => m.Score).ToArray();
        Assert.Equal(open.OrderByDescending(s => s), open);
    }

    [Fact]
    public void ModelWithTheWrongInputWidth_IsRejected()
    {
        var path = Path.Combine(_dir, "wrong.keras");
        File.WriteAllBytes(path, RankerModel(new Random(2), 7).WriteKeras3Zip());
        using var services = new ServiceCollection().AddScholarshipMatcher().AddKerasRanker(path).Services.BuildServiceProvider();
        var ex = Assert.Throws<KerasModelException>(() => services.GetRequiredService<IScholarshipRanker>());
        Assert.Contains($"{RankingFeatures.Count} features of {RankingFeatures.Version}", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
