using System.Text;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Startup;
using Relief.FunctionsHost.Configuration;
using Relief.FunctionsHost.Storage;

namespace Relief.FunctionsHost.Invocations;

/// <summary>Writes a successful invocation's output bindings (storage queues) as the Functions host does:
/// only after the function succeeded; <c>$return</c> from the return value, others from the named outputs.
/// Messages are written with host.json <c>extensions.queues.messageEncoding</c> (base64 by default). Each queue is
/// created once per host run, not once per invocation.</summary>
internal sealed class OutputBindingWriter(HostContext context, StorageAccount account, IOptions<QueuesOptions> queues)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);

    public async Task WriteAsync(FunctionDescriptor function, InvocationResponse response, CancellationToken cancellationToken)
    {
        foreach (var binding in function.Outputs)
        {
            if (!string.Equals(binding.Type, BindingTypes.Queue, StringComparison.OrdinalIgnoreCase)) continue;
            var value = binding.Name == "$return"
                ? response.ReturnValue
                : response.OutputData.FirstOrDefault(o => string.Equals(o.Name, binding.Name, StringComparison.OrdinalIgnoreCase))?.Data;
            var messages = TypedDataValues.ToMessages(value);
            if (messages.Count == 0) continue;
            var queue = account.Queues.GetQueueClient(context.Resolve(function.Name, binding.Property("queueName") ?? ""));
            await EnsureExistsAsync(queue).ConfigureAwait(false);
            foreach (var text in messages)
            {
                var encoded = queues.Value.EncodesBase64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
                await queue.SendMessageAsync(encoded, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task EnsureExistsAsync(Azure.Storage.Queues.QueueClient queue)
    {
        var created = _created.GetOrAdd(queue.Name, _ => new Lazy<Task>(() => queue.CreateIfNotExistsAsync()));
        if (created.Value.IsFaulted || created.Value.IsCanceled) _created.TryRemove(queue.Name, out _); // try again next time
        return created.Value;
    }
}
