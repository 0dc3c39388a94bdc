using System.Globalization;
using Relief.Cases.Feeds;
using Relief.Domain.Households;
using Relief.Domain.Policies;

namespace Relief.Cases.Leads;

/// <summary>A lead a record calls for: whom, why, where, and the evidence in words.</summary>
/// <param name="Person">The person.</param>
/// <param name="Reason">The reason.</param>
/// <param name="Jurisdiction">The township responsible.</param>
/// <param name="Evidence">The record and the rule, without personal data.</param>
public sealed record LeadCandidate(ResidentIdNumber Person, LeadReason Reason, JurisdictionCode Jurisdiction, string Evidence);

/// <summary>
/// Which agency records raise leads for people who are not beneficiaries (主动发现, seed 004): a medical self-pay
/// strictly above the jurisdiction's yearly threshold; a severe disability (grade 1–2 of any type, or grade 3
/// intellectual or mental); each minor child of a person taken into custody. The caller checks that the person is not
/// a beneficiary and not deceased.
/// </summary>
public static class LeadRules
{
    /// <summary>The leads <paramref name="record"/> calls for under <paramref name="discovery"/> (the policy of its jurisdiction on its date).</summary>
    public static IReadOnlyList<LeadCandidate> For(FeedRecord record, DiscoveryParameters discovery)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(discovery);
        string basis = discovery.Local ? "the jurisdiction's threshold" : "the seed-004 threshold (the jurisdiction sets none)";
        switch (record.Kind)
        {
            case FeedKind.MedicalSelfPay when record.Amount > discovery.MedicalSelfPayYearlyThreshold:
                return [new LeadCandidate(record.Person, LeadReason.MedicalSelfPay, record.Jurisdiction!.Value, string.Create(CultureInfo.InvariantCulture,
                    $"Medical insurance bureau: {record.Describe()}, above {discovery.MedicalSelfPayYearlyThreshold:0.##} yuan ({basis})."))];
            case FeedKind.Disability when IsSevere(record.Detail, record.Grade):
                return [new LeadCandidate(record.Person, LeadReason.SevereDisability, record.Jurisdiction!.Value,
                    $"Disabled persons' federation: {record.Describe()}; a severe disability (grade 1–2, or grade 3 intellectual or mental).")];
            case FeedKind.Custody:
                return record.Children.Select(child => new LeadCandidate(child, LeadReason.ChildOfPersonInCustody, record.Jurisdiction!.Value,
                    $"Justice bureau: a parent's {record.Describe()}; the child is a minor.")).ToArray();
            default:
                return [];
        }
    }

    /// <summary>Grade 1–2 of any type, or grade 3 intellectual or mental (含智力、精神三级残疾).</summary>
    public static bool IsSevere(string? type, int? grade) =>
        grade is 1 or 2 || (grade == 3 && type is "intellectual" or "mental");
}
