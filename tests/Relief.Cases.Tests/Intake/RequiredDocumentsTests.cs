using Relief.Cases.Intake;
using Relief.Cases.Tests.Builders;

namespace Relief.Cases.Tests.Intake;

public sealed class RequiredDocumentsTests
{
    private static ValidatedApplication Valid(ApplicationRequest request) =>
        ApplicationValidator.Validate(request, Applications.Today).Value ?? throw new InvalidOperationException("invalid test application");

    [Fact]
    public void For_DibaoFamily_ListsHouseholdAndPersonalMaterials()
    {
        var required = RequiredDocuments.For(Valid(Applications.QingdaoDibao()));

        Assert.Equal(
            new (DocumentKind, int?)[]
            {
                (DocumentKind.HukouBooklet, null),
                (DocumentKind.EconomicVerificationAuthorisation, null),
                (DocumentKind.ResidentIdCopy, 0),
                (DocumentKind.IncomeProof, 0),
                (DocumentKind.ResidentIdCopy, 1),
                (DocumentKind.DisabilityCertificate, 1),
                (DocumentKind.ResidentIdCopy, 2),
                (DocumentKind.SchoolEnrolmentProof, 2),
            },
            required.Select(r => (r.Kind, r.MemberIndex)).ToArray());
        Assert.Equal("members[1]", required.Single(r => r.Kind == DocumentKind.DisabilityCertificate).Field);
    }

    [Fact]
    public void For_ExpenditureType_ListsMedicalBills()
    {
        var required = RequiredDocuments.For(Valid(Applications.QingdaoExpenditure()));

        Assert.Contains(required, r => r.Kind == DocumentKind.MedicalBills && r.MemberIndex is null);
        Assert.DoesNotContain(required, r => r.Kind == DocumentKind.EducationFeeReceipts);
    }

    // DOMAIN.md § Rules made precise, emergency type (seed 000): no economic verification — nothing to authorise it.
    [Fact]
    public void For_EmergencyType_AsksForProofButNoVerificationMaterial()
    {
        var required = RequiredDocuments.For(Valid(Applications.QingdaoEmergency()));

        Assert.Contains(required, r => r.Kind == DocumentKind.EmergencyProof);
        Assert.DoesNotContain(required, r => r.Kind is DocumentKind.EconomicVerificationAuthorisation or DocumentKind.IncomeProof or DocumentKind.SchoolEnrolmentProof);
    }

    [Fact]
    public void Missing_SomeSupplied_ListsAllTheOthersAtOnce()
    {
        var required = RequiredDocuments.For(Valid(Applications.QingdaoDibao()));
        SuppliedDocument[] supplied =
        [
            new(DocumentKind.HukouBooklet, null),
            new(DocumentKind.ResidentIdCopy, 0),
            new(DocumentKind.ResidentIdCopy, 1),
            new(DocumentKind.ResidentIdCopy, 2),
            new(DocumentKind.ResidentIdCopy, 5),
        ];

        var missing = RequiredDocuments.Missing(required, supplied);

        Assert.Equal(
            new (DocumentKind, int?)[]
            {
                (DocumentKind.EconomicVerificationAuthorisation, null),
                (DocumentKind.IncomeProof, 0),
                (DocumentKind.DisabilityCertificate, 1),
                (DocumentKind.SchoolEnrolmentProof, 2),
            },
            missing.Select(r => (r.Kind, r.MemberIndex)).ToArray());
    }

    [Fact]
    public void Missing_EverythingSupplied_IsEmpty()
    {
        var required = RequiredDocuments.For(Valid(Applications.QingdaoDibao()));

        Assert.Empty(RequiredDocuments.Missing(required, required.Select(r => new SuppliedDocument(r.Kind, r.MemberIndex))));
    }
}
