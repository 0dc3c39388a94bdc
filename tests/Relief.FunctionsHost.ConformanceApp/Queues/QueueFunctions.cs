using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Relief.FunctionsHost.ConformanceApp.Queues;

/// <summary>Queue triggers binding a string, a POCO and a <see cref="QueueMessage"/>, each answering on
/// <c>%ReceivedQueue%</c> through a <c>[QueueOutput]</c> return value.</summary>
public sealed class QueueFunctions
{
    [Function(nameof(QueueString))]
    [QueueOutput("%ReceivedQueue%")]
    public static Received QueueString(
        [QueueTrigger("%StringQueue%")] string message, string id, long dequeueCount, DateTimeOffset insertionTime) =>
        new(nameof(QueueString), message, id, dequeueCount, insertionTime, null, null, null);

    [Function(nameof(QueuePoco))]
    [QueueOutput("%ReceivedQueue%")]
    public static Received QueuePoco([QueueTrigger("%PocoQueue%")] Order order, FunctionContext context) =>
        new(nameof(QueuePoco), $"{order.OrderId}x{order.Quantity}",
            context.BindingContext.BindingData.TryGetValue("Id", out var id) ? id?.ToString() : null, 0, null, null, null, null);

    [Function(nameof(QueueSdkMessage))]
    [QueueOutput("%ReceivedQueue%")]
    public static Received QueueSdkMessage([QueueTrigger("%SdkQueue%")] QueueMessage message) =>
        new(nameof(QueueSdkMessage), message.MessageText, message.MessageId, message.DequeueCount, message.InsertedOn, message.ExpiresOn, message.NextVisibleOn, message.PopReceipt);

    /// <summary>Fails until the message has been dequeued <c>succeedOn</c> times (a number in the text; 0 = never).</summary>
    [Function(nameof(QueueFlaky))]
    [QueueOutput("%ReceivedQueue%")]
    public static Received QueueFlaky([QueueTrigger("%FlakyQueue%")] string message, long dequeueCount)
    {
        var succeedOn = long.Parse(message, System.Globalization.CultureInfo.InvariantCulture);
        if (succeedOn == 0 || dequeueCount < succeedOn) throw new InvalidOperationException($"Attempt {dequeueCount} fails on purpose.");
        return new Received(nameof(QueueFlaky), message, null, dequeueCount, null, null, null, null);
    }
}
