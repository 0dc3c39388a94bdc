namespace Relief.Cases.Transfers;

/// <summary>The department a case, or part of it, is transferred to (转办) for special assistance (专项救助).</summary>
public enum Department
{
    /// <summary>Medical assistance — healthcare security bureau (医保局).</summary>
    Medical,

    /// <summary>Education assistance — education bureau (教育局).</summary>
    Education,

    /// <summary>Housing assistance — housing and urban-rural development bureau (住建局).</summary>
    Housing,

    /// <summary>Employment assistance — human resources and social security bureau (人社局).</summary>
    Employment,

    /// <summary>Disaster relief — emergency management bureau (应急管理局).</summary>
    Disaster,
}
