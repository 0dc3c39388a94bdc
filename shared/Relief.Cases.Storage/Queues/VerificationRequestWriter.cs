using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Relief.Cases.Storage.Queues;

/// <summary>
/// Writes economic-verification requests (经济状况核对) to the requests queue. At least once: a retried write may
/// send a request twice with the same <see cref="EconomicVerificationRequestMessage.RequestId"/>, which the checking
/// centre deduplicates. Call <see cref="InitializeAsync"/> once at start.
/// </summary>
public sealed class VerificationRequestWriter : IVerificationRequestWriter
{
    private readonly JsonQueue _queue;
    private readonly ILogger<VerificationRequestWriter> _logger;

    /// <summary>Creates the writer.</summary>
    public VerificationRequestWriter(QueueServiceClient queues, IOptions<VerificationQueueOptions> options, ILogger<VerificationRequestWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = new JsonQueue(queues, options.Value.RequestQueueName, options.Value.EncodeBase64, nameof(VerificationQueueOptions.RequestQueueName));
        AnswerQueueName = options.Value.AnswerQueueName;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The queue answers are expected on.</summary>
    public string AnswerQueueName { get; }

    /// <summary>Creates the queue if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Enqueues one request.</summary>
    public async Task WriteAsync(EconomicVerificationRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StorageNames.ThrowIfInvalidCaseId(request.CaseId, nameof(request));
        await _queue.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _logger.VerificationRequested(request.CaseId, request.RequestId, request.Agency, _queue.Name);
    }
}
