using Matcher.Serialization;
using Matcher.Students;

namespace Matcher;

/// <summary>Realistic students used by several tests.</summary>
internal static class TestProfiles
{
    /// <summary>Graduate of a public school in Huancavelica, 15.2 average, tercio superior, SISFOH pobre.</summary>
    public static StudentProfile Huancavelica { get; } = StudentProfileJson.Parse("""
        {
          "id": "st-hvca", "nationality": "PE", "birthDate": "2007-03-10", "gender": "female", "residenceUbigeo": "090101",
          "sisfoh": { "classification": "poor", "validUntil": "2027-06-30" },
          "basicEducation": { "modality": "ebr", "status": "graduated", "graduationYear": 2024, "schoolUbigeo": "090101",
            "schoolManagement": "public", "schoolZone": "none", "coar": false, "academicRank": "topThird", "gradeAverage": 15.2 },
          "conditions": { "disability": false },
          "nativeLanguages": ["quechua"], "previousHigherStudies": false, "holdsScholarship": false, "interests": ["enfermería"]
        }
        """);
}
