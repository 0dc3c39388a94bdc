namespace Relief.Domain.Households;

/// <summary>Hukou registration of the household (户籍性质): decides which dibao standard applies.</summary>
public enum Registration
{
    /// <summary>Urban (城市).</summary>
    Urban,

    /// <summary>Rural (农村).</summary>
    Rural,
}

/// <summary>Relationship to the applicant (与申请人关系).</summary>
public enum Relationship
{
    Applicant,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Grandparent,
    Sibling,
    OtherDependant,
}

/// <summary>Ability to work (劳动能力).</summary>
public enum WorkAbility
{
    /// <summary>Able to work (有劳动能力).</summary>
    Able,

    /// <summary>Partly able (部分丧失劳动能力).</summary>
    Partial,

    /// <summary>Unable to work (无劳动能力).</summary>
    Unable,
}

/// <summary>Whether a registered person counts as a household member (57号 Art. 7).</summary>
public enum MemberStatus
{
    /// <summary>Counted member (共同生活的家庭成员).</summary>
    Counted,

    /// <summary>Clergy away from home three years or more (宗教教职人员).</summary>
    ClergyAwayThreeYears,

    /// <summary>Serving a sentence (服刑人员).</summary>
    Imprisoned,

    /// <summary>In compulsory drug rehabilitation (强制隔离戒毒).</summary>
    CompulsoryRehabilitation,

    /// <summary>Declared missing by a court (宣告失踪).</summary>
    DeclaredMissing,
}

/// <summary>Kind of disability on the disability certificate (残疾类别).</summary>
public enum DisabilityType
{
    Visual,
    Hearing,
    Speech,
    Physical,
    Intellectual,
    Mental,
    Multiple,
}

/// <summary>Kind of rigid (unavoidable) expenditure (刚性支出).</summary>
public enum RigidExpenditureKind
{
    /// <summary>Medical self-pay (医疗自付).</summary>
    Medical,

    /// <summary>Schooling (教育).</summary>
    Education,

    /// <summary>Extra cost caused by disability (残疾).</summary>
    Disability,
}
