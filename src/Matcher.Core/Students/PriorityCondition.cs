namespace Matcher.Students;

/// <summary>An accredited personal condition that some calls require or reward.</summary>
public enum PriorityCondition
{
    /// <summary>Disability registered with CONADIS.</summary>
    Disability,

    /// <summary>Member of an Amazonian native community (constancia de pertenencia).</summary>
    AmazonianNativeCommunity,

    /// <summary>Member of the Afro-Peruvian people.</summary>
    AfroPeruvian,

    /// <summary>Desprotección familiar, accredited by MIMP or the Judiciary.</summary>
    FamilyProtection,

    /// <summary>Registered in the RUV or REBRED (victims of the 1980–2000 violence and their families).</summary>
    ViolenceVictimRegistry,

    /// <summary>Active firefighter or child of one.</summary>
    Firefighter,

    /// <summary>Volunteer recognized by MIMP.</summary>
    Volunteer,

    /// <summary>Beneficiary of Ley 31405 (orphanhood).</summary>
    OrphanhoodLaw31405,

    /// <summary>Population exposed to heavy metals and other chemicals.</summary>
    HeavyMetalsExposure,

    /// <summary>Community health agent (agente comunitario de salud).</summary>
    CommunityHealthAgent,

    /// <summary>Parent is a teacher of the Carrera Pública Magisterial (Ley 29944).</summary>
    TeacherParentCpm,
}
