namespace Relief.Cases.Storage.Idempotency;

/// <summary>What an Idempotency-Key claim found.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key was new: it now maps to the proposed case id; create the case.</summary>
    Created,

    /// <summary>The key was used before with the same body: return <see cref="IdempotencyClaim.CaseId"/> (and make sure that case exists).</summary>
    Replayed,

    /// <summary>The key was used before with a different body: report a conflict (HTTP 422/409), create nothing.</summary>
    Conflict,
}

/// <summary>The result of <see cref="IdempotencyStore.ClaimAsync"/>.</summary>
/// <param name="Outcome">Created, replayed or conflict.</param>
/// <param name="CaseId">The case the key maps to (the proposed one when created, the earlier one otherwise).</param>
/// <param name="FirstSeenAt">When the key was first claimed.</param>
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, string CaseId, DateTimeOffset FirstSeenAt);
