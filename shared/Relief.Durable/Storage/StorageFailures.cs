using Azure;

namespace Relief.Durable.Storage;

/// <summary>Storage failures that mean "not reachable now, try again" rather than a bug or a configuration error.</summary>
public static class StorageFailures
{
    /// <summary>
    /// True for storage errors, transport errors, and the SDK's "retry failed after n tries" (an
    /// <see cref="AggregateException"/> of those).
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException or HttpRequestException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
