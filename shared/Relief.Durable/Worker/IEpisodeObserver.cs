namespace Relief.Durable.Worker;

/// <summary>Optional hook told about every episode (diagnostics and tests: who ran what, when).</summary>
public interface IEpisodeObserver
{
    /// <summary>Called after each episode, committed or not.</summary>
    void OnEpisode(EpisodeRecord record);
}

/// <summary>One episode as seen by a host.</summary>
/// <param name="HostId">The host that ran it.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="Partition">Its partition.</param>
/// <param name="StartedAt">When the host started it (infrastructure clock), before loading state.</param>
/// <param name="EndedAt">When it finished (after commit and message deletion).</param>
/// <param name="Committed">True when the episode committed history.</param>
/// <param name="Status">The status after the episode.</param>
public sealed record EpisodeRecord(string HostId, string InstanceId, int Partition, DateTimeOffset StartedAt, DateTimeOffset EndedAt, bool Committed, OrchestrationRuntimeStatus Status);
