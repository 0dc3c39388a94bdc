using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Relief.Cases.Storage.Queues;

/// <summary>
/// Writes escalations (督办) of overdue steps to the <c>supervision</c> queue as <see cref="SupervisionMessage"/>
/// JSON (no personal data). Call <see cref="InitializeAsync"/> once at start.
/// </summary>
public sealed class SupervisionWriter : ISupervisionWriter
{
    private readonly JsonQueue _queue;
    private readonly ILogger<SupervisionWriter> _logger;

    /// <summary>Creates the writer.</summary>
    public SupervisionWriter(QueueServiceClient queues, IOptions<SupervisionQueueOptions> options, ILogger<SupervisionWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = new JsonQueue(queues, options.Value.QueueName, options.Value.EncodeBase64, nameof(SupervisionQueueOptions.QueueName));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Creates the queue if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Enqueues one escalation.</summary>
    public async Task WriteAsync(SupervisionMessage escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        StorageNames.ThrowIfInvalidCaseId(escalation.CaseId, nameof(escalation));
        await _queue.SendAsync(escalation, cancellationToken).ConfigureAwait(false);
        _logger.EscalationWritten(escalation.CaseId, escalation.DeadlineKind.ToString(), escalation.DueAt, escalation.Step.ToString(), _queue.Name);
    }
}
