using BenchmarkDotNet.Attributes;
using Matcher.Parsing;
using Matcher.Parsing.Internal;
using Matcher.Students;

namespace Matcher.Benchmarks;

/// <summary>The offline Spanish parsers: one call text (a press note, or ten times it as a long page of bases) and one self-description.</summary>
public class ParserBenchmark
{
    private const string Call = """
        Beca 18-2026: modalidad Ordinaria
        El Programa Nacional de Becas y Crédito Educativo (Pronabec) abrió la convocatoria del concurso Beca 18-2026. Las inscripciones para el Examen Nacional de Preselección van del 8 de setiembre al 5 de octubre de 2025.
        Requisitos de la modalidad Ordinaria:
        - Ser peruano y tener menos de 22 años a la fecha de publicación de las bases (5 de setiembre de 2025). Las personas con discapacidad no tienen límite de edad.
        - Estar cursando el quinto de secundaria o ser egresado de la educación básica regular (EBR), alternativa (EBA) o especial (EBE).
        - Pertenecer al tercio superior en los dos últimos grados concluidos de secundaria. Los estudiantes y egresados de los COAR cumplen el requisito de alto rendimiento.
        - Contar con clasificación socioeconómica de pobre o pobre extremo en el SISFOH, vigente.
        - No haber realizado estudios superiores y no ser beneficiario de otra beca de pregrado.
        La beca integral cubre la inscripción al examen de admisión, la matrícula, las pensiones, la nivelación académica, la titulación, la alimentación, el alojamiento, la movilidad local y, cuando corresponda, el idioma inglés, los materiales de estudio, la vestimenta y el transporte interprovincial.
        Documentos: DNI y Certificado Oficial de Estudios o Constancia de Logros de Aprendizaje.
        """;

    private const string Student = "Hola, soy peruana y nací el 14 de mayo de 2008. Vivo en Huanta, Ayacucho. Estoy en quinto de secundaria en un colegio público y estoy en el tercio superior, mi promedio es 15,4. Mi familia es pobre extremo según el SISFOH. Hablo quechua y castellano. Quiero estudiar enfermería en Huancayo.";

    private readonly OfflineScholarshipCallParser _calls = new();
    private readonly OfflineStudentProfileParser _students = new();
    private string _text = string.Empty;

    [Params(1, 10)]
    public int Repeat { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = string.Join('\n', Enumerable.Repeat(Call, Repeat));
        _ = SpanishPlaceNames.Default.FindIn("Lima");
    }

    [Benchmark(Baseline = true)]
    public ParseResult<ScholarshipDraft> OfflineCall() => _calls.Parse(_text);

    [Benchmark]
    public ParseResult<StudentProfile> OfflineStudent() => _students.Parse(Student, "st-1");
}
