using Azure.Storage.Queues.Models;
using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Metadata;
using Relief.FunctionsHost.Rpc;
using Relief.FunctionsHost.Queues;

namespace Relief.FunctionsHost.Queues;

/// <summary>
/// Runs a queue message through a function in the worker, binding it as the Functions host does: the
/// message text (base64 decoded) for <c>string</c> and POCO parameters, or, when the worker asks for SDK
/// types (<c>supportsDeferredBinding</c>), the message itself as model binding data for <c>QueueMessage</c>;
/// trigger metadata Id, DequeueCount, InsertionTime, ExpirationTime, NextVisibleTime, PopReceipt and QueueTrigger.
/// A message the function cannot bind fails like any failed invocation: retried, then poisoned.
/// </summary>
internal sealed class WorkerQueueTarget(FunctionDescriptor function, FunctionInvoker invoker) : IQueueTarget
{
    public QueueRun? Bind(string body, out string? malformed)
    {
        malformed = null;
        var text = QueueMessageCodec.ToText(body);
        return (message, context, abort) => invoker.InvokeAsync(function, context.InvocationId, [Input(function.Trigger, message, text)], Metadata(message, text), abort);
    }

    internal static ParameterBinding Input(BindingDescriptor trigger, QueueMessage message, string text) => new()
    {
        Name = trigger.Name,
        Data = trigger.SupportsDeferredBinding
            ? TypedDataValues.Model("AzureStorageQueues", new Dictionary<string, object?>
            {
                ["MessageId"] = message.MessageId,
                ["PopReceipt"] = message.PopReceipt,
                ["MessageText"] = text,
                ["DequeueCount"] = message.DequeueCount,
                ["InsertedOn"] = message.InsertedOn,
                ["ExpiresOn"] = message.ExpiresOn,
                ["NextVisibleOn"] = message.NextVisibleOn,
            })
            : TypedDataValues.String(text),
    };

    internal static Dictionary<string, TypedData> Metadata(QueueMessage message, string text) => new(StringComparer.Ordinal)
    {
        ["QueueTrigger"] = TypedDataValues.String(text),
        ["Id"] = TypedDataValues.String(message.MessageId),
        ["DequeueCount"] = TypedDataValues.Number(message.DequeueCount),
        ["InsertionTime"] = TypedDataValues.Date(message.InsertedOn),
        ["ExpirationTime"] = TypedDataValues.Date(message.ExpiresOn),
        ["NextVisibleTime"] = TypedDataValues.Date(message.NextVisibleOn),
        ["PopReceipt"] = TypedDataValues.String(message.PopReceipt ?? ""),
    };
}
