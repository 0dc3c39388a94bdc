using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Relief.Functions.Feeds;

/// <summary>
/// Creates the six integration queues (and their poison queues) when the worker starts, so that an agency can post
/// before the first message ever arrived. Storage unreachable at start does not stop the worker: it retries in the
/// background every <see cref="RetryInterval"/> until the queues exist.
/// </summary>
public sealed partial class FeedQueueSetup(QueueServiceClient queues, IConfiguration configuration, ILogger<FeedQueueSetup> logger) : BackgroundService
{
    /// <summary>How often creation is retried while storage is unreachable.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (setting, fallback) in FeedQueues.All.Values)
                {
                    string name = configuration[setting] ?? fallback;
                    await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    await queues.GetQueueClient(name + "-poison").CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                }

                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException && !stoppingToken.IsCancellationRequested)
            {
                QueuesUnavailable(logger, ex);
            }

            // Infrastructure retries wait on real time (the injected TimeProvider may be a test's fake clock).
            await Task.Delay(RetryInterval, TimeProvider.System, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(13010, LogLevel.Warning, "Feed queues could not be created at start; retrying in the background")]
    private static partial void QueuesUnavailable(ILogger logger, Exception exception);
}
