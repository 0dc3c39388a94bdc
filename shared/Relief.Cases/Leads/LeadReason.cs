namespace Relief.Cases.Leads;

/// <summary>Why a person is suspected to be in need (疑似困难群众的发现缘由).</summary>
public enum LeadReason
{
    /// <summary>Personal medical self-pay above the jurisdiction's yearly threshold (个人自付医疗费用超过4万元).</summary>
    MedicalSelfPay,

    /// <summary>A new severe disability: grade 1–2, or grade 3 intellectual or mental (新增重度残疾人, 含智力、精神三级).</summary>
    SevereDisability,

    /// <summary>A minor child of a person imprisoned or in compulsory rehabilitation (服刑在押、强制戒毒人员未成年子女).</summary>
    ChildOfPersonInCustody,
}

/// <summary>Codes of <see cref="LeadReason"/> as they appear in lead ids, requests and the work list.</summary>
public static class LeadReasons
{
    /// <summary><c>medical-self-pay</c>, <c>severe-disability</c>, <c>child-of-custody</c>.</summary>
    public static string ToCode(this LeadReason reason) => reason switch
    {
        LeadReason.MedicalSelfPay => "medical-self-pay",
        LeadReason.SevereDisability => "severe-disability",
        LeadReason.ChildOfPersonInCustody => "child-of-custody",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Parses a code.</summary>
    public static bool TryParse(string? code, out LeadReason reason)
    {
        foreach (LeadReason r in Enum.GetValues<LeadReason>())
        {
            if (string.Equals(r.ToCode(), code, StringComparison.Ordinal))
            {
                reason = r;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
