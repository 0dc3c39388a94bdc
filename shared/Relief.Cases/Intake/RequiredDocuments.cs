using Relief.Domain.Households;

namespace Relief.Cases.Intake;

/// <summary>One material the application needs: its kind and, for a person's material, the member's index.</summary>
/// <param name="Kind">What is needed.</param>
/// <param name="MemberIndex">Index in the request's <c>members</c> the material is about; null for the household.</param>
/// <param name="Description">What to bring, in words for the applicant (English with the Chinese term).</param>
public sealed record RequiredDocument(DocumentKind Kind, int? MemberIndex, string Description)
{
    /// <summary>The JSON path the material concerns: <c>members[1]</c>, or the household (<c>$</c>).</summary>
    public string Field => MemberIndex is { } i ? ApplicationValidator.Path("members", i, null) : "$";
}

/// <summary>A material already supplied (uploaded or seen at the window): kind and member index.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="MemberIndex">The member it is about; null for household material.</param>
public sealed record SuppliedDocument(DocumentKind Kind, int? MemberIndex);

/// <summary>
/// The materials checklist (申请材料清单) per program, so that acceptance (受理) can list <b>every</b> missing
/// material in one notice (一次性告知). Rules:
/// <list type="bullet">
/// <item>every program: an ID copy per registered member and the hukou booklet;</item>
/// <item>a disability certificate for each member with a disability, an illness diagnosis for each member with a major illness;</item>
/// <item>dibao, tekun and expenditure type (economic verification): the signed authorisation, an income proof per
/// earner (one for household income), a school proof for each member in school;</item>
/// <item>expenditure type: medical bills if a medical expenditure is claimed, school fee receipts if an education one is;</item>
/// <item>emergency type: proof of the emergency — which may follow the advance relief (先行救助后补齐手续).</item>
/// </list>
/// </summary>
public static class RequiredDocuments
{
    /// <summary>Every material <paramref name="application"/> needs, household first, then by member.</summary>
    public static IReadOnlyList<RequiredDocument> For(ValidatedApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        Household household = application.Household;
        AssistanceProgram program = application.Program;
        bool verified = program.RequiresEconomicVerification();
        var list = new List<RequiredDocument>
        {
            new(DocumentKind.HukouBooklet, null, "Household registration booklet (户口簿)"),
        };

        if (verified)
        {
            list.Add(new(DocumentKind.EconomicVerificationAuthorisation, null, "Signed authorisation for economic verification (家庭经济状况核对授权书)"));
            if (household.Incomes.Any(i => i.MemberId is null))
            {
                list.Add(new(DocumentKind.IncomeProof, null, "Proof of the household's income (家庭收入证明)"));
            }
        }

        if (program == AssistanceProgram.TemporaryExpenditure)
        {
            if (household.RigidExpenditures.Any(e => e.Kind == RigidExpenditureKind.Medical))
            {
                list.Add(new(DocumentKind.MedicalBills, null, "Medical bills for the expenditure claimed (医疗费用票据)"));
            }

            if (household.RigidExpenditures.Any(e => e.Kind == RigidExpenditureKind.Education))
            {
                list.Add(new(DocumentKind.EducationFeeReceipts, null, "School fee receipts for the expenditure claimed (教育费用票据)"));
            }
        }

        if (program == AssistanceProgram.TemporaryEmergency)
        {
            list.Add(new(DocumentKind.EmergencyProof, null, "Proof of the emergency: fire or accident report, hospital admission (急难事由证明); may follow the advance relief"));
        }

        for (int i = 0; i < household.Members.Count; i++)
        {
            HouseholdMember member = household.Members[i];
            list.Add(new(DocumentKind.ResidentIdCopy, i, "Copy of the resident ID card (身份证复印件)"));
            if (member.Disability is not null)
            {
                list.Add(new(DocumentKind.DisabilityCertificate, i, "Disability certificate (残疾证)"));
            }

            if (member.HasMajorIllness)
            {
                list.Add(new(DocumentKind.IllnessDiagnosis, i, "Diagnosis of the major illness (重特大疾病诊断证明)"));
            }

            if (verified && member.InSchool)
            {
                list.Add(new(DocumentKind.SchoolEnrolmentProof, i, "Proof of full-time schooling (在校证明)"));
            }

            if (verified && household.Incomes.Any(x => x.MemberId == member.Id.Value))
            {
                list.Add(new(DocumentKind.IncomeProof, i, "Proof of income (收入证明)"));
            }
        }

        return list;
    }

    /// <summary>
    /// The materials of <paramref name="required"/> not in <paramref name="supplied"/> — all of them, for one
    /// notice (一次性告知). Empty when the application is complete.
    /// </summary>
    public static IReadOnlyList<RequiredDocument> Missing(IEnumerable<RequiredDocument> required, IEnumerable<SuppliedDocument> supplied)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(supplied);
        var have = supplied.Select(s => (s.Kind, s.MemberIndex)).ToHashSet();
        return required.Where(r => !have.Contains((r.Kind, r.MemberIndex))).ToArray();
    }
}
