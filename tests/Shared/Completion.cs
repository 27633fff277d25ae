using Matcher.Geography;
using Matcher.Grades;
using Matcher.Students;

namespace Matcher.Properties;

/// <summary>
/// Random student profiles for properties: <see cref="Full"/> knows every fact, <see cref="Partial"/> forgets some,
/// and <see cref="Complete"/> fills the forgotten facts of a profile with random values (a "completion").
/// Values cluster around the catalog's boundaries (ages near the Bases date, SISFOH expiring near the evaluation date,
/// income near ceilings) so that properties exercise them.
/// </summary>
internal static class Completion
{
    public static readonly DateOnly AsOf = new(2025, 9, 20);

    private static readonly IReadOnlyList<District> Districts = UbigeoDirectory.Default.Districts;

    public static T Pick<T>(Random r, params T[] values) => values[r.Next(values.Length)];

    public static T PickEnum<T>(Random r)
        where T : struct, Enum => Pick(r, Enum.GetValues<T>());

    public static StudentProfile Full(Random r, string id = "st-gen")
    {
        var birth = r.Next(4) == 0
            ? new DateOnly(2003, 9, 5).AddYears(-r.Next(0, 10)).AddDays(r.Next(-1, 2))
            : new DateOnly(1985, 1, 1).AddDays(r.Next(0, 9200));
        return new StudentProfile
        {
            Id = id,
            Nationality = r.Next(5) == 0 ? Pick(r, "CO", "VE", "BO") : "PE",
            BirthDate = birth,
            Gender = PickEnum<Gender>(r),
            ResidenceUbigeo = Districts[r.Next(Districts.Count)].Ubigeo,
            Sisfoh = new SisfohRecord { Classification = PickEnum<SisfohLevel>(r), ValidUntil = AsOf.AddDays(r.Next(-3, 4) * (r.Next(2) == 0 ? 1 : 200)) },
            MonthlyPerCapitaIncome = r.Next(4) == 0 ? Pick(r, 7910m, 7910.01m, 7909.99m) : r.Next(0, 12000),
            BasicEducation = new BasicEducation
            {
                Modality = PickEnum<EducationModality>(r),
                Status = PickEnum<BasicEducationStatus>(r),
                GraduationYear = r.Next(2010, 2027),
                SchoolUbigeo = Districts[r.Next(Districts.Count)].Ubigeo,
                SchoolManagement = PickEnum<Management>(r),
                SchoolZone = PickEnum<SchoolZone>(r),
                Coar = r.Next(6) == 0,
                AcademicRank = PickEnum<AcademicRank>(r),
                GradeAverage = Math.Round((decimal)(r.NextDouble() * 20), 2),
            },
            HigherEducation = new HigherEducation
            {
                Status = PickEnum<HigherEducationStatus>(r),
                InstitutionType = PickEnum<InstitutionType>(r),
                Management = PickEnum<Management>(r),
                CurrentCycle = r.Next(1, 13),
                AcademicRank = PickEnum<AcademicRank>(r),
                Degree = PickEnum<Degree>(r),
                WorkExperienceMonths = r.Next(0, 60),
            },
            Conditions = Enum.GetValues<PriorityCondition>().Aggregate(new ConditionSet(), (set, c) => set.With(c, r.Next(5) == 0)),
            MilitaryServiceMonths = r.Next(0, 25),
            NativeLanguages = Pick<IReadOnlyList<string>>(r, [], ["quechua"], ["aimara", "asháninka"], ["shipibo-konibo"]),
            PreviousHigherStudies = r.Next(4) == 0,
            HoldsScholarship = r.Next(5) == 0,
            Interests = Pick<IReadOnlyList<string>>(r, [], ["enfermería"], ["ingeniería", "educación"]),
        };
    }

    /// <summary>A full profile with each fact forgotten with the given probability.</summary>
    public static StudentProfile Partial(Random r, double forget, string id = "st-gen")
    {
        var f = Full(r, id);
        bool Keep() => r.NextDouble() >= forget;
        T? K<T>(T? v)
            where T : struct => Keep() ? v : null;
        T? KR<T>(T? v)
            where T : class => Keep() ? v : null;
        var b = f.BasicEducation!;
        var h = f.HigherEducation!;
        return new StudentProfile
        {
            Id = id,
            Nationality = KR(f.Nationality),
            BirthDate = K(f.BirthDate),
            Gender = K(f.Gender),
            ResidenceUbigeo = K(f.ResidenceUbigeo),
            Sisfoh = Keep() ? new SisfohRecord { Classification = K(f.Sisfoh!.Classification), ValidUntil = K(f.Sisfoh.ValidUntil) } : null,
            MonthlyPerCapitaIncome = K(f.MonthlyPerCapitaIncome),
            BasicEducation = Keep()
                ? new BasicEducation
                {
                    Modality = K(b.Modality), Status = K(b.Status), GraduationYear = K(b.GraduationYear), SchoolUbigeo = K(b.SchoolUbigeo),
                    SchoolManagement = K(b.SchoolManagement), SchoolZone = K(b.SchoolZone), Coar = K(b.Coar), AcademicRank = K(b.AcademicRank),
                    GradeAverage = K(b.GradeAverage),
                }
                : null,
            HigherEducation = Keep()
                ? new HigherEducation
                {
                    Status = K(h.Status), InstitutionType = K(h.InstitutionType), Management = K(h.Management), CurrentCycle = K(h.CurrentCycle),
                    AcademicRank = K(h.AcademicRank), Degree = K(h.Degree), WorkExperienceMonths = K(h.WorkExperienceMonths),
                }
                : null,
            Conditions = Keep() ? Enum.GetValues<PriorityCondition>().Aggregate(new ConditionSet(), (set, c) => set.With(c, K(f.Conditions!.Get(c)))) : null,
            MilitaryServiceMonths = K(f.MilitaryServiceMonths),
            NativeLanguages = KR(f.NativeLanguages),
            PreviousHigherStudies = K(f.PreviousHigherStudies),
            HoldsScholarship = K(f.HoldsScholarship),
            Interests = KR(f.Interests),
        };
    }

    /// <summary>Fills every unknown fact of <paramref name="p"/> with a random value; known facts are kept.</summary>
    public static StudentProfile Complete(StudentProfile p, Random r)
    {
        var f = Full(r, p.Id);
        var pb = p.BasicEducation ?? new BasicEducation();
        var fb = f.BasicEducation!;
        var ph = p.HigherEducation ?? new HigherEducation();
        var fh = f.HigherEducation!;
        var pc = p.Conditions ?? new ConditionSet();
        return p with
        {
            Nationality = p.Nationality ?? f.Nationality,
            BirthDate = p.BirthDate ?? f.BirthDate,
            Gender = p.Gender ?? f.Gender,
            ResidenceUbigeo = p.ResidenceUbigeo ?? f.ResidenceUbigeo,
            Sisfoh = new SisfohRecord
            {
                Classification = p.Sisfoh?.Classification ?? f.Sisfoh!.Classification,
                ValidUntil = p.Sisfoh?.ValidUntil ?? f.Sisfoh!.ValidUntil,
            },
            MonthlyPerCapitaIncome = p.MonthlyPerCapitaIncome ?? f.MonthlyPerCapitaIncome,
            BasicEducation = new BasicEducation
            {
                Modality = pb.Modality ?? fb.Modality, Status = pb.Status ?? fb.Status, GraduationYear = pb.GraduationYear ?? fb.GraduationYear,
                SchoolUbigeo = pb.SchoolUbigeo ?? fb.SchoolUbigeo, SchoolManagement = pb.SchoolManagement ?? fb.SchoolManagement,
                SchoolZone = pb.SchoolZone ?? fb.SchoolZone, Coar = pb.Coar ?? fb.Coar, AcademicRank = pb.AcademicRank ?? fb.AcademicRank,
                GradeAverage = pb.GradeAverage ?? fb.GradeAverage,
            },
            HigherEducation = new HigherEducation
            {
                Status = ph.Status ?? fh.Status, InstitutionType = ph.InstitutionType ?? fh.InstitutionType, Management = ph.Management ?? fh.Management,
                CurrentCycle = ph.CurrentCycle ?? fh.CurrentCycle, AcademicRank = ph.AcademicRank ?? fh.AcademicRank, Degree = ph.Degree ?? fh.Degree,
                WorkExperienceMonths = ph.WorkExperienceMonths ?? fh.WorkExperienceMonths,
            },
            Conditions = Enum.GetValues<PriorityCondition>().Aggregate(pc, (set, c) => set.With(c, pc.Get(c) ?? f.Conditions!.Get(c))),
            MilitaryServiceMonths = p.MilitaryServiceMonths ?? f.MilitaryServiceMonths,
            NativeLanguages = p.NativeLanguages ?? f.NativeLanguages,
            PreviousHigherStudies = p.PreviousHigherStudies ?? f.PreviousHigherStudies,
            HoldsScholarship = p.HoldsScholarship ?? f.HoldsScholarship,
            Interests = p.Interests ?? f.Interests,
        };
    }
}
