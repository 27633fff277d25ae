using System.Text.Json;
using Matcher.Geography;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when the student's district (of residence or of the school) lies in one of the given areas.</summary>
public sealed record UbigeoCriterion : Criterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="fact">Which district to read.</param>
    /// <param name="areas">Departments, provinces or districts accepted.</param>
    public UbigeoCriterion(UbigeoFact fact, IReadOnlyList<UbigeoArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        Fact = fact;
        In = areas;
    }

    /// <summary>Which district to read.</summary>
    public UbigeoFact Fact { get; }

    /// <summary>Areas accepted.</summary>
    public IReadOnlyList<UbigeoArea> In { get; }

    /// <inheritdoc />
    public override string Type => "ubigeo";

    private string FactPath => Fact == UbigeoFact.Residence ? FactPaths.ResidenceUbigeo : FactPaths.SchoolUbigeo;

    private string CodePrefix => Fact == UbigeoFact.Residence ? "residence" : "school-location";

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => [FactPath];

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = Fact == UbigeoFact.Residence ? context.Student.ResidenceUbigeo : context.Student.BasicEducation?.SchoolUbigeo;
        if (value is not { } u)
        {
            return Unknown(CodePrefix + ".unknown", [FactPath], ("areas", In));
        }

        foreach (var area in In)
        {
            if (u.IsIn(area))
            {
                return Pass(CodePrefix + ".in-area", ("value", u), ("areas", In));
            }
        }

        return Fail(CodePrefix + ".outside-area", ("value", u), ("areas", In));
    }

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        var value = Fact == UbigeoFact.Residence ? student.ResidenceUbigeo : student.BasicEducation?.SchoolUbigeo;
        if (value is not { } u)
        {
            return Verdict.Unknown;
        }

        for (var i = 0; i < In.Count; i++)
        {
            if (u.IsIn(In[i]))
            {
                return Verdict.Pass;
            }
        }

        return Verdict.Fail;
    }

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("fact", EnumText.Of(Fact));
        writer.WriteStartArray("in");
        foreach (var a in In)
        {
            writer.WriteStringValue(a.ToString());
        }

        writer.WriteEndArray();
    }
}
