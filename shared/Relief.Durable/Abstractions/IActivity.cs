namespace Relief.Durable;

/// <summary>An activity implemented as a class resolved from dependency injection (one scope per call).</summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public interface IActivity<in TInput, TOutput>
{
    /// <summary>Runs the activity. Activities run at least once: make side effects idempotent.</summary>
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
