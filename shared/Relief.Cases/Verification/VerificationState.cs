namespace Relief.Cases.Verification;

/// <summary>Where one agency's economic-verification request stands.</summary>
public enum VerificationState
{
    /// <summary>Sent; the answer is awaited.</summary>
    Requested,

    /// <summary>Answered in time.</summary>
    Answered,

    /// <summary>The answer limit passed without an answer; escalated (督办).</summary>
    Overdue,

    /// <summary>Answered after the limit passed.</summary>
    AnsweredLate,
}

/// <summary>What happens to a verification request.</summary>
public enum VerificationTrigger
{
    /// <summary>The agency's answer arrives on the integration queue.</summary>
    Answer,

    /// <summary>The answer limit passes.</summary>
    DeadlinePassed,
}
