using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.Parsing.Internal;
using Matcher.Scholarships;
using Matcher.Students;

namespace Matcher.Parsing;

public class OfflineScholarshipCallParserTests
{
    private static readonly OfflineScholarshipCallParser Parser = new();

    [Theory]
    [InlineData("Requisitos: ser menores de 22 años.", null, null, 22)]
    [InlineData("Podrán postular personas de entre 17 y 39 años.", 17, 39, null)]
    [InlineData("Se exige tener 30 años como máximo.", null, 30, null)]
    [InlineData("Deben tener 18 años a más.", 18, null, null)]
    [InlineData("Los postulantes deben tener hasta los 25 años.", null, 25, null)]
    public void AgeLimits_AreReadAsBounds(string text, int? atLeast, int? atMost, int? lessThan)
    {
        var age = Assert.Single(Parser.Parse(text).Draft.Criteria.OfType<AgeCriterion>());
        Assert.Equal((atLeast, atMost, lessThan), (age.AtLeast, age.AtMost, age.LessThan));
    }

    [Fact]
    public void DisabilityExemption_InAnotherSentence_LiftsTheAgeLimit()
    {
        const string text = "Ser peruano. Tener menos de 22 años. Las personas con discapacidad no tienen límite de edad.";
        var result = Parser.Parse(text);
        Assert.True(Assert.Single(result.Draft.Criteria.OfType<AgeCriterion>()).ExemptIfDisability);
        var evidence = Assert.Single(result.Evidence, e => e.Path == "$.criteria[1].exemptIfDisability");
        Assert.StartsWith("discapacidad no tienen límite de edad", evidence.Quote, StringComparison.Ordinal);
        Assert.DoesNotContain(Parser.Parse("Sin límite de edad para personas con discapacidad.").Evidence, e => e.Path.Contains("internal", StringComparison.Ordinal));
    }

    [Fact]
    public void DurationsAndExperience_AreNotAges()
    {
        var draft = Parser.Parse("Cursos de hasta 2 años de duración. Se pide experiencia laboral de dos años.").Draft;
        Assert.Empty(draft.Criteria.OfType<AgeCriterion>());
        Assert.Equal(24, Assert.Single(draft.Criteria.OfType<WorkExperienceCriterion>()).AtLeast);
    }

    [Theory]
    [InlineData("Pertenecer al tercio superior en los dos últimos grados de secundaria.", AcademicRank.TopThird, EducationLevel.Basic)]
    [InlineData("Ubicarse en el medio superior de su promoción del colegio.", AcademicRank.TopHalf, EducationLevel.Basic)]
    [InlineData("Alto rendimiento en el pregrado (décimo, quinto o tercio superior).", AcademicRank.TopThird, EducationLevel.Higher)]
    [InlineData("Haber ocupado el primer puesto de la universidad.", AcademicRank.FirstPlace, EducationLevel.Higher)]
    public void Ranks_TakeTheWeakestBarListed(string text, AcademicRank rank, EducationLevel level)
    {
        var criterion = Assert.Single(Parser.Parse(text).Draft.Criteria.OfType<AcademicRankCriterion>());
        Assert.Equal((rank, level), (criterion.AtLeast, criterion.Level));
    }

    [Theory]
    [InlineData("Contar con clasificación socioeconómica de pobre o pobre extremo.", new[] { SisfohLevel.ExtremePoor, SisfohLevel.Poor })]
    [InlineData("Estar en situación de pobreza extrema según el SISFOH.", new[] { SisfohLevel.ExtremePoor })]
    public void Sisfoh_IsReadFromThePovertyWords(string text, SisfohLevel[] accepted)
    {
        Assert.Equal(accepted, Assert.Single(Parser.Parse(text).Draft.Criteria.OfType<SisfohCriterion>()).In);
    }

    [Fact]
    public void NegatedRequirements_GiveNoCriterion()
    {
        var draft = Parser.Parse("La beca no exige pobreza ni alto rendimiento (tercio superior).").Draft;
        Assert.Empty(draft.Criteria);
    }

    [Fact]
    public void PointsTables_AreReportedNotEncoded()
    {
        var result = Parser.Parse("La pobreza extrema otorga 5 puntos adicionales.");
        Assert.Empty(result.Draft.Criteria);
        Assert.Contains(result.Issues, i => i.Code == "parse.points-not-extracted" && i.Span is not null);
    }

    [Fact]
    public void Residence_ByDepartmentAndDistrictNames_BecomesUbigeo()
    {
        var draft = Parser.Parse("Requisito: residir en Lima o Callao. Otra beca exige residir en el distrito de Sivia.").Draft;
        var residence = Assert.Single(draft.Criteria.OfType<UbigeoCriterion>());
        Assert.Equal(["15", "07"], residence.In.Select(a => a.ToString()));
        Assert.Contains(Parser.Parse("Deben residir en el distrito de Sivia.").Draft.Criteria.OfType<UbigeoCriterion>().Single().In, a => a.ToString() == "050407");
    }

    [Fact]
    public void AmbiguousDistrictNames_AreAnIssue()
    {
        var result = Parser.Parse("Deben residir en el distrito de Santa Rosa.");
        Assert.Empty(result.Draft.Criteria.OfType<UbigeoCriterion>());
        Assert.Contains(result.Issues, i => i.Code == "parse.place-ambiguous");
    }

    [Fact]
    public void Dates_GetTheirRoles_AndTheYearFromTheSentence()
    {
        var draft = Parser.Parse("Las inscripciones van del 8 de setiembre al 5 de octubre de 2025. La edad se calcula al 5 de setiembre de 2025.").Draft;
        Assert.Equal(new CallWindow(new DateOnly(2025, 9, 8), new DateOnly(2025, 10, 5), new DateOnly(2025, 9, 5)), draft.Call);
        Assert.Equal(new DateOnly(2025, 10, 15), Parser.Parse("Postulaciones hasta el 15 de octubre de 2025.").Draft.Call.Closes);
    }

    [Fact]
    public void DateWithoutAnyYear_IsAnIssue()
    {
        var result = Parser.Parse("Las postulaciones cierran el 15 de octubre.");
        Assert.Null(result.Draft.Call.Closes);
        Assert.Contains(result.Issues, i => i.Code == "parse.date-year-missing");
    }

    [Theory]
    [InlineData("Subvención mensual de S/ 1 025.", 1025, AmountPurpose.Stipend)]
    [InlineData("Ingreso familiar per cápita no mayor a S/ 7,910.", 7910, AmountPurpose.IncomeCeiling)]
    [InlineData("Un premio de S/ 45 000.", 45000, AmountPurpose.Grant)]
    [InlineData("Costo de S/ 1.025,50 por curso.", 1025.50, AmountPurpose.Other)]
    public void Amounts_InSoles_WithTheirPurpose(string text, double value, AmountPurpose purpose)
    {
        var amount = Assert.Single(Parser.Parse(text).Draft.Amounts);
        Assert.Equal(new MoneyAmount((decimal)value, "PEN", purpose), amount);
    }

    [Fact]
    public void IncomeCeiling_IsAlsoACriterion()
    {
        Assert.Equal(7910m, Assert.Single(Parser.Parse("Ingreso mensual per cápita no mayor a S/ 7 910.").Draft.Criteria.OfType<IncomeCriterion>()).AtMost);
    }

    [Fact]
    public void ModalitiesAndDocuments_AreNamed()
    {
        var draft = Parser.Parse("Beca 18-2026: modalidad VRAEM\nDocumentos: DNI, Certificado Oficial de Estudios y carta de motivación.").Draft;
        Assert.Equal(["vraem"], draft.Modalities);
        Assert.Equal(["DNI", "Certificado Oficial de Estudios", "Carta de motivación"], draft.Documents);
    }

    [Fact]
    public void WhatItCannotRead_IsReportedWithItsSpan()
    {
        const string text = "Convocatoria especial\nRequisitos:\n- Haber participado en el programa Jóvenes Líderes.";
        var result = Parser.Parse(text);
        var issue = Assert.Single(result.Issues, i => i.Code == "parse.unrecognized-requirement");
        Assert.Equal("Haber participado en el programa Jóvenes Líderes.", issue.Span!.Value.Of(text));
        Assert.Contains(result.Issues, i => i.Code == "parse.not-found" && i.Path == "$.call.closes");
        Assert.Contains(result.Issues, i => i.Code == "parse.not-found" && i.Path == "$.criteria");
    }

    [Fact]
    public void GradesOnOtherScales_AreNotConverted()
    {
        var result = Parser.Parse("Promedio mínimo de 4.0 en una escala de 0 a 5.");
        Assert.Empty(result.Draft.Criteria.OfType<GradeAverageCriterion>());
        Assert.Contains(result.Issues, i => i.Code == "parse.grade-scale-unsupported");
    }

    [Fact]
    public void Draft_CompletesIntoAValidCatalogEntry()
    {
        var draft = Parser.Parse(File.ReadAllText(Path.Combine(EvaluationSet.Directory, "calls", "01-beca18-2026-ordinaria.txt"))).Draft;
        var scholarship = draft.ToScholarship("beca18-2026-ordinaria-draft", "beca18", "https://larepublica.pe/", 2025);
        Assert.Equal("PRONABEC", scholarship.Provider);
        Assert.Equal(2026, scholarship.Convocatoria);
        Assert.Equal(new DateOnly(2025, 10, 5), scholarship.Call.Closes);
        var context = new Eligibility.EvaluationContext(TestProfiles.Huancavelica, new DateOnly(2025, 9, 20), scholarship.Call.AgeReferenceDate!.Value);
        var catalogEntry = TestCatalog.Snapshot.Scholarships.Single(x => x.Id == "beca18-2026-ordinaria");
        var expected = catalogEntry.Criteria.Select(c => c.Evaluate(new Eligibility.EvaluationContext(TestProfiles.Huancavelica, new DateOnly(2025, 9, 20), catalogEntry.Call.AgeReferenceDate!.Value)).Verdict);
        Assert.Equal(Kleene(expected), Kleene(scholarship.Criteria.Select(c => c.Evaluate(context).Verdict)));
    }

    private static Eligibility.Verdict Kleene(IEnumerable<Eligibility.Verdict> verdicts)
    {
        var list = verdicts.ToList();
        return list.Contains(Eligibility.Verdict.Fail) ? Eligibility.Verdict.Fail : list.Contains(Eligibility.Verdict.Unknown) ? Eligibility.Verdict.Unknown : Eligibility.Verdict.Pass;
    }

    [Property(MaxTest = 300)]
    public Property AnyText_NeverThrows_AndEveryEvidenceIsASpanOfTheText()
    {
        var words = Gen.Elements("menores de 22 años", "tercio superior", "pobre o pobre extremo", "S/ 1 025", "hasta el 15 de octubre de 2025", "residir en Cusco", "distrito de", ".", "\n", "- ", ":", "beca", "123", "ñandú", "   ", "del", "al");
        var texts = Gen.Zip(Gen.ListOf(words), Gen.ListOf(ArbMap.Default.GeneratorFor<char>()).Select(cs => new string(cs.ToArray())))
            .Select(t => string.Join(' ', t.Item1) + t.Item2);
        return Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var result = Parser.Parse(text);
            return result.Evidence.All(e => e.Span.End <= text.Length && e.Span.Of(text) == e.Quote && e.Path.StartsWith("$.", StringComparison.Ordinal) && !e.Path.Contains("internal", StringComparison.Ordinal))
                && result.Issues.All(i => i.Span is not { } s || s.End <= text.Length);
        });
    }
}
