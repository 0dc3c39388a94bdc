using Microsoft.Extensions.DependencyInjection;

namespace Relief.Hosting.Queues;

/// <summary>Binds the message JSON to <typeparamref name="TMessage"/> and runs <typeparamref name="TFunction"/> in a new scope.</summary>
internal sealed class InProcessQueueTarget<TFunction, TMessage>(IServiceProvider services) : IQueueTarget
    where TFunction : IQueueFunction<TMessage>
{
    public QueueRun? Bind(string body, out string? malformed)
    {
        var decoded = QueueMessageCodec.Decode<TMessage>(body, QueueSender.Json);
        malformed = decoded.Error;
        if (!decoded.Succeeded) return null;
        return async (_, context, abort) =>
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var function = ActivatorUtilities.GetServiceOrCreateInstance<TFunction>(scope.ServiceProvider);
                await function.RunAsync(decoded.Value!, context, abort).ConfigureAwait(false);
            }
        };
    }
}
