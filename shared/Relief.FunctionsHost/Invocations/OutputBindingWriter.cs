using System.Text;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Startup;
using Relief.Hosting.Configuration;
using Relief.Hosting.Storage;

namespace Relief.FunctionsHost.Invocations;

/// <summary>Writes a successful invocation's output bindings (storage queues) as the Functions host does:
/// only after the function succeeded; <c>$return</c> from the return value, others from the named outputs.
/// Messages are written with host.json <c>extensions.queues.messageEncoding</c> (base64 by default).</summary>
internal sealed class OutputBindingWriter(HostContext context, StorageAccount account, IOptions<QueuesOptions> queues)
{
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
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var text in messages)
            {
                var encoded = queues.Value.EncodesBase64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
                await queue.SendMessageAsync(encoded, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
