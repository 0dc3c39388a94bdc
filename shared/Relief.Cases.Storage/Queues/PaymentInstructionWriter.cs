using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;

namespace Relief.Cases.Storage.Queues;

/// <summary>
/// Writes <see cref="PaymentInstruction"/>s to the <c>payments</c> queue as <see cref="PaymentInstructionMessage"/>
/// JSON. Delivery is at least once: a retried write may enqueue a duplicate, which the payment function drops by
/// <see cref="PaymentInstruction.IdempotencyKey"/>. Call <see cref="InitializeAsync"/> once at start.
/// </summary>
public sealed class PaymentInstructionWriter : IPaymentInstructionWriter
{
    private readonly JsonQueue _queue;
    private readonly ILogger<PaymentInstructionWriter> _logger;

    /// <summary>Creates the writer.</summary>
    public PaymentInstructionWriter(QueueServiceClient queues, IOptions<PaymentQueueOptions> options, ILogger<PaymentInstructionWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = new JsonQueue(queues, options.Value.QueueName, options.Value.EncodeBase64, nameof(PaymentQueueOptions.QueueName));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the queue if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Enqueues one instruction.</summary>
    public async Task WriteAsync(PaymentInstruction instruction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Amount <= 0m || decimal.Round(instruction.Amount, 2) != instruction.Amount)
        {
            throw new ArgumentException("A payment amount is positive and rounded to the fen.", nameof(instruction));
        }

        await _queue.SendAsync(PaymentInstructionMessage.From(instruction), cancellationToken).ConfigureAwait(false);
        _logger.PaymentInstructionWritten(instruction.CaseId, instruction.Program, instruction.Period, _queue.Name);
    }
}
