using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Geography;
using Matcher.Ranking.Features;
using Matcher.Scoring;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.MLNet;

/// <summary>The shared feature specification (Matcher.Core/Ranking/Features).</summary>
public sealed class RankingFeaturesTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 9, 20);
    private readonly ServiceProvider _services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();

    [Fact]
    public void Spec_IsVersionedAndNamesEveryFeature()
    {
        Assert.Equal("matcher-features/1", RankingFeatures.Version);
        Assert.Equal(25, RankingFeatures.Count);
        Assert.Equal(RankingFeatures.Count, RankingFeatures.Names.Distinct().Count());
    }

    [Fact]
    public void KnownStudent_FeaturesComeFromTheDistrictAndProfile()
    {
        var student = StudentProfileJson.Parse("""
            { "id": "st-1", "nationality": "PE", "birthDate": "2007-03-10", "residenceUbigeo": "090101",
              "sisfoh": { "classification": "extremePoor", "validUntil": "2027-06-30" },
              "basicEducation": { "modality": "ebr", "status": "graduated", "graduationYear": 2024, "schoolManagement": "public", "gradeAverage": 15 },
              "nativeLanguages": ["quechua"] }
            """);
        var (row, candidate) = Row(student, "beca18-2026-ordinaria");
        var district = UbigeoDirectory.Default.Find(Ubigeo.Parse("090101"))!;
        Assert.Equal((float)candidate.Components.Need, row[Index("need")]);
        Assert.Equal((float)(district.PovertyPercent!.Value / 100), row[Index("districtPoverty")]);
        Assert.Equal((float)(district.AltitudeMeters / 1000), row[Index("altitudeKm")]);
        Assert.Equal(1f, row[Index("sisfohExtremePoor")]);
        Assert.Equal(0f, row[Index("sisfohPoor")]);
        Assert.Equal(1f, row[Index("nativeLanguage")]);
        Assert.Equal(1f, row[Index("publicSchool")]);
        Assert.Equal(0.75f, row[Index("gradeAverage")]);
        Assert.Equal(0f, row[Index("callIsRegional")]);
        Assert.Equal(1f, row[Index("hasPriorityRubric")]);
        Assert.Equal(0f, row[Index("studyAbroad")]);
    }

    [Fact]
    public void UnknownFacts_AreMinusOne_NeverAPlausibleValue()
    {
        var student = new StudentProfile { Id = "st-2" };
        var (row, _) = Row(student, "beca18-2026-ordinaria");
        Assert.Equal(-1f, row[Index("districtPoverty")]);
        Assert.Equal(-1f, row[Index("altitudeKm")]);
        Assert.Equal(-1f, row[Index("nativeLanguage")]);
        Assert.Equal(-1f, row[Index("publicSchool")]);
        Assert.Equal(-1f, row[Index("gradeAverage")]);
        Assert.Equal(0f, row[Index("sisfohKnown")]);
        Assert.Equal(0.5f, row[Index("eligible")]);
        Assert.True(row[Index("missingFacts")] > 0);
    }

    [Fact]
    public void RegionalCall_DistanceGrowsWithTheStudentsDistance()
    {
        // The UPC call requires residence in Lima or Callao: a student in Lima is nearer its centre than one in Cusco.
        var near = Row(new StudentProfile { Id = "a", ResidenceUbigeo = Ubigeo.Parse("150101") }, "upc-beca-laureate-transforma-2026", ineligibleToo: true).Row;
        var far = Row(new StudentProfile { Id = "b", ResidenceUbigeo = Ubigeo.Parse("080101") }, "upc-beca-laureate-transforma-2026", ineligibleToo: true).Row;
        Assert.Equal(1f, near[Index("callIsRegional")]);
        Assert.True(far[Index("distanceToCallRegion1000Km")] > near[Index("distanceToCallRegion1000Km")]);
        Assert.InRange(far[Index("distanceToCallRegion1000Km")], 0.45f, 0.75f);
        Assert.InRange(near[Index("distanceToCallRegion1000Km")], 0f, 0.15f);
    }

    public void Dispose() => _services.Dispose();

    private static int Index(string name) => RankingFeatures.Names.ToList().IndexOf(name);

    private (float[] Row, ScoredCandidate Candidate) Row(StudentProfile student, string scholarshipId, bool ineligibleToo = false)
    {
        var scholarship = _services.GetRequiredService<ICatalogProvider>().Current.Scholarships.Single(s => s.Id == scholarshipId);
        var e = _services.GetRequiredService<IEligibilityEvaluator>().Evaluate(student, scholarship, AsOf);
        Assert.True(ineligibleToo || e.Verdict != EligibilityVerdict.Ineligible);
        var c = _services.GetRequiredService<IScholarshipScorer>().Score(student, scholarship, e, AsOf);
        var row = new float[RankingFeatures.Count];
        RankingFeatures.Compute(student, [c], row);
        return (row, c);
    }
}
