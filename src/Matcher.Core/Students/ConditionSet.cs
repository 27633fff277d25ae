namespace Matcher.Students;

/// <summary>
/// Accredited personal conditions: <see langword="true"/> = accredited, <see langword="false"/> = known not to apply,
/// <see langword="null"/> = unknown.
/// </summary>
public sealed record ConditionSet
{
    /// <summary>Disability registered with CONADIS.</summary>
    public bool? Disability { get; init; }

    /// <summary>Member of an Amazonian native community.</summary>
    public bool? AmazonianNativeCommunity { get; init; }

    /// <summary>Afro-Peruvian.</summary>
    public bool? AfroPeruvian { get; init; }

    /// <summary>Desprotección familiar (MIMP or judicial document).</summary>
    public bool? FamilyProtection { get; init; }

    /// <summary>Registered in the RUV or REBRED.</summary>
    public bool? ViolenceVictimRegistry { get; init; }

    /// <summary>Active firefighter or child of one.</summary>
    public bool? Firefighter { get; init; }

    /// <summary>Volunteer recognized by MIMP.</summary>
    public bool? Volunteer { get; init; }

    /// <summary>Beneficiary of Ley 31405.</summary>
    public bool? OrphanhoodLaw31405 { get; init; }

    /// <summary>Exposed to heavy metals and other chemicals.</summary>
    public bool? HeavyMetalsExposure { get; init; }

    /// <summary>Community health agent.</summary>
    public bool? CommunityHealthAgent { get; init; }

    /// <summary>Parent in the Carrera Pública Magisterial.</summary>
    public bool? TeacherParentCpm { get; init; }

    /// <summary>The value of one condition.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>Accredited, known not to apply, or unknown.</returns>
    public bool? Get(PriorityCondition condition) => condition switch
    {
        PriorityCondition.Disability => Disability,
        PriorityCondition.AmazonianNativeCommunity => AmazonianNativeCommunity,
        PriorityCondition.AfroPeruvian => AfroPeruvian,
        PriorityCondition.FamilyProtection => FamilyProtection,
        PriorityCondition.ViolenceVictimRegistry => ViolenceVictimRegistry,
        PriorityCondition.Firefighter => Firefighter,
        PriorityCondition.Volunteer => Volunteer,
        PriorityCondition.OrphanhoodLaw31405 => OrphanhoodLaw31405,
        PriorityCondition.HeavyMetalsExposure => HeavyMetalsExposure,
        PriorityCondition.CommunityHealthAgent => CommunityHealthAgent,
        PriorityCondition.TeacherParentCpm => TeacherParentCpm,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };

    /// <summary>A copy with one condition set.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="value">The value.</param>
    /// <returns>The copy.</returns>
    public ConditionSet With(PriorityCondition condition, bool? value) => condition switch
    {
        PriorityCondition.Disability => this with { Disability = value },
        PriorityCondition.AmazonianNativeCommunity => this with { AmazonianNativeCommunity = value },
        PriorityCondition.AfroPeruvian => this with { AfroPeruvian = value },
        PriorityCondition.FamilyProtection => this with { FamilyProtection = value },
        PriorityCondition.ViolenceVictimRegistry => this with { ViolenceVictimRegistry = value },
        PriorityCondition.Firefighter => this with { Firefighter = value },
        PriorityCondition.Volunteer => this with { Volunteer = value },
        PriorityCondition.OrphanhoodLaw31405 => this with { OrphanhoodLaw31405 = value },
        PriorityCondition.HeavyMetalsExposure => this with { HeavyMetalsExposure = value },
        PriorityCondition.CommunityHealthAgent => this with { CommunityHealthAgent = value },
        PriorityCondition.TeacherParentCpm => this with { TeacherParentCpm = value },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };
}
