using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Relief.Durable;
using Relief.Durable.Options;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Durable;

/// <summary>
/// Durable Functions on this host: a Durable Task storage provider behind the official sidecar service
/// (<see cref="TaskHubGrpcServer"/>), which the worker's DurableTaskClient and this host's
/// <see cref="DurableWorkItemPump"/> reach over gRPC. The provider is chosen by host.json
/// <c>extensions.durableTask.storageProvider.type</c>: the framework's <see cref="AzureStorageOrchestrationService"/>
/// (<c>AzureStorage</c>, the default) or Relief's <see cref="LeanOrchestrationService"/> (<c>Relief</c>).
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
            var workerId = string.IsNullOrWhiteSpace(storage.WorkerId) ? UniqueWorkerId() : storage.WorkerId;
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            if (storage.Type == DurableStorageOptions.Relief)
            {
                var lean = new LeanOrchestrationService(new LeanDurableOptions
                {
                    HubName = options.HubName,
                    ConnectionString = connection,
                    WorkerId = workerId,
                    PartitionCount = storage.PartitionCount,
                    MaxQueuePollingInterval = storage.MaxQueuePollingInterval,
                    MessageVisibilityTimeout = storage.ControlQueueVisibilityTimeout,
                    LeaseInterval = storage.LeaseInterval,
                    LeaseRenewInterval = storage.LeaseRenewInterval < storage.LeaseAcquireInterval ? storage.LeaseRenewInterval : storage.LeaseAcquireInterval,
                    MaxConcurrentOrchestrations = options.MaxConcurrentOrchestratorFunctions,
                    MaxConcurrentActivities = options.MaxConcurrentActivityFunctions,
                    LoggerFactory = loggers,
                });
                return new DurableProvider(lean, lean, lean.CreateIfNotExistsAsync);
            }

            var azure = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = options.HubName,
                WorkerId = workerId,
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
                LoggerFactory = loggers,
                CustomMessageTypeBinder = new ProtobufMapTypeBinder(),
                // A start refused by its dedupe statuses is an error the client sees (OrchestrationAlreadyExists), as
                // under Azure's host — not a silent no-op the caller takes for a start.
                ThrowExceptionOnInvalidDedupeStatus = true,
            });
            return new DurableProvider(azure, azure, azure.CreateIfNotExistsAsync);
        });
        services.AddSingleton<IOrchestrationService>(sp => new SidecarOrchestrationService(sp.GetRequiredService<DurableProvider>().Service));
        services.AddSingleton(sp => sp.GetRequiredService<DurableProvider>().Client);
        services.AddSingleton<TaskHubGrpcServer>();
        services.AddSingleton<DurableClientInput>();
        services.AddSingleton<DurableWorkItemPump>();
    }

    // Host identity, not orchestration data: nothing replays it.
    private static string UniqueWorkerId() => $"{Environment.MachineName}-{System.Security.Cryptography.RandomNumberGenerator.GetHexString(12, lowercase: true)}";
}

/// <summary>The configured storage provider: its service and client faces, and how to create its storage.</summary>
internal sealed record DurableProvider(IOrchestrationService Service, IOrchestrationServiceClient Client, Func<Task> CreateIfNotExistsAsync);
