namespace Relief.Cases.Leads;

/// <summary>Where a lead stands (疑似困难群众线索的办理状态).</summary>
public enum LeadState
{
    /// <summary>Raised and sent to the township of the person's jurisdiction (已下发); the visit clock runs.</summary>
    Open,

    /// <summary>A township worker has taken it (已分派).</summary>
    Assigned,

    /// <summary>Visited and verified (已核实走访): the findings are recorded.</summary>
    Visited,

    /// <summary>Closed with a written reason (已办结, e.g. not in need, already assisted elsewhere).</summary>
    Closed,

    /// <summary>Turned into an application (已转申请): the case id is on the lead.</summary>
    Converted,
}

/// <summary>What can happen to a lead.</summary>
public enum LeadTrigger
{
    /// <summary>A township worker takes it.</summary>
    Assign,

    /// <summary>The visit's findings are recorded.</summary>
    Visit,

    /// <summary>Closed with a reason.</summary>
    Close,

    /// <summary>An application is made from it.</summary>
    Convert,
}
