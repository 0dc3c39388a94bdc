using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Durable;

/// <summary>
/// Durable Functions on this host: the Durable Task Framework's Azure Storage provider
/// (<see cref="AzureStorageOrchestrationService"/>) behind the official sidecar service
/// (<see cref="TaskHubGrpcServer"/>), which the worker's DurableTaskClient and this host's
/// <see cref="DurableWorkItemPump"/> reach over gRPC.
/// </summary>
internal static class DurableServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var options = DurableOptions.Read(configuration);
        services.AddSingleton(new DurableSettings(options));
        services.AddSingleton(sp =>
        {
            var connectionName = options.StorageProvider.ConnectionName;
            var connection = configuration[connectionName] ?? configuration["ConnectionStrings:" + connectionName];
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new HostConfigurationException(connectionName, "names the durable storage connection but no such setting is set.");
            }

            var storage = options.StorageProvider;
            return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = options.HubName,
                WorkerId = string.IsNullOrWhiteSpace(storage.WorkerId) ? UniqueWorkerId() : storage.WorkerId,
                StorageAccountClientProvider = new StorageAccountClientProvider(connection),
                PartitionCount = storage.PartitionCount,
                MaxQueuePollingInterval = storage.MaxQueuePollingInterval,
                ControlQueueVisibilityTimeout = storage.ControlQueueVisibilityTimeout,
                WorkItemQueueVisibilityTimeout = storage.WorkItemQueueVisibilityTimeout,
                LeaseInterval = storage.LeaseInterval,
                LeaseRenewInterval = storage.LeaseRenewInterval,
                LeaseAcquireInterval = storage.LeaseAcquireInterval,
                MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions,
                MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityFunctions,
                LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
                CustomMessageTypeBinder = new ProtobufMapTypeBinder(),
                // A start refused by its dedupe statuses is an error the client sees (OrchestrationAlreadyExists), as
                // under Azure's host — not a silent no-op the caller takes for a start.
                ThrowExceptionOnInvalidDedupeStatus = true,
            });
        });
        services.AddSingleton<IOrchestrationService>(sp => new SidecarOrchestrationService(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<TaskHubGrpcServer>();
        services.AddSingleton<DurableClientInput>();
        services.AddSingleton<DurableWorkItemPump>();
    }

    // Host identity, not orchestration data: nothing replays it.
    private static string UniqueWorkerId() => $"{Environment.MachineName}-{System.Security.Cryptography.RandomNumberGenerator.GetHexString(12, lowercase: true)}";
}
