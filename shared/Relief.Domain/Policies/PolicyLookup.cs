using System.Diagnostics.CodeAnalysis;

namespace Relief.Domain.Policies;

/// <summary>Result of a policy lookup: the parameters, or why there are none.</summary>
public sealed class PolicyLookup
{
    private PolicyLookup(PolicyParameters? policy, string? reason)
    {
        Policy = policy;
        Reason = reason;
    }

    /// <summary>The parameters when found.</summary>
    public PolicyParameters? Policy { get; }

    /// <summary>Why nothing was found.</summary>
    public string? Reason { get; }

    /// <summary>True when a policy is in force.</summary>
    [MemberNotNullWhen(true, nameof(Policy))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Found => Policy is not null;

    /// <summary>A found policy.</summary>
    public static PolicyLookup Of(PolicyParameters policy) => new(policy, null);

    /// <summary>No policy, with the reason.</summary>
    public static PolicyLookup NotFound(string reason) => new(null, reason);

    /// <summary>The policy, or an <see cref="InvalidOperationException"/> carrying the reason.</summary>
    public PolicyParameters GetOrThrow() => Policy ?? throw new InvalidOperationException(Reason);
}
