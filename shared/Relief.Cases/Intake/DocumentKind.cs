namespace Relief.Cases.Intake;

/// <summary>Kinds of supporting material (申请材料) an application may need.</summary>
public enum DocumentKind
{
    /// <summary>Copy of a member's resident ID card (身份证复印件).</summary>
    ResidentIdCopy,

    /// <summary>The household registration booklet (户口簿).</summary>
    HukouBooklet,

    /// <summary>Proof of a member's (or the household's) income (收入证明).</summary>
    IncomeProof,

    /// <summary>A member's disability certificate (残疾证).</summary>
    DisabilityCertificate,

    /// <summary>Diagnosis of a member's major illness (重特大疾病诊断证明).</summary>
    IllnessDiagnosis,

    /// <summary>Proof of full-time schooling (在校证明 / 学籍证明).</summary>
    SchoolEnrolmentProof,

    /// <summary>Signed authorisation for economic verification (家庭经济状况核对授权书).</summary>
    EconomicVerificationAuthorisation,

    /// <summary>Medical bills for the expenditure claimed (医疗费用票据).</summary>
    MedicalBills,

    /// <summary>School fee receipts for the expenditure claimed (教育费用票据).</summary>
    EducationFeeReceipts,

    /// <summary>Proof of the emergency: fire or accident report, hospital admission (急难事由证明).</summary>
    EmergencyProof,
}
