namespace Relief.Cases.Intake;

/// <summary>What an application is validated for.</summary>
public enum ValidationPurpose
{
    /// <summary>An application filed to open a case (救助申请): contact and consent are required.</summary>
    Application,

    /// <summary>A self-check (我能申请吗) that files nothing: contact and consent are not asked for.</summary>
    Preview,
}
