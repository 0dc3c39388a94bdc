using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Relief.Cases.Intake;

namespace Relief.Cases.Storage.Payments;

/// <summary>
/// Corrected bank accounts (收款账户变更), one blob per correction <c>{caseId}/{time}.json</c> in the container
/// <see cref="BankOptions.PayeeContainerName"/> — personal data, never overwritten, the latest one in force. A case's
/// payments go to its latest correction, else to the account its application named.
/// </summary>
public sealed class PayeeCorrections
{
    private readonly BlobContainerClient _container;

    /// <summary>Creates the store.</summary>
    public PayeeCorrections(BlobServiceClient blobs, IOptions<BankOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _container = blobs.GetBlobContainerClient(options.Value.PayeeContainerName);
    }

    /// <summary>Creates the container if missing.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Records a correction (kept beside the earlier ones).</summary>
    public async Task RecordAsync(string caseId, Payee payee, DateTimeOffset at, CancellationToken cancellationToken)
    {
        StorageNames.ThrowIfInvalidCaseId(caseId);
        ArgumentNullException.ThrowIfNull(payee);
        string name = string.Create(CultureInfo.InvariantCulture, $"{caseId}/{at.UtcDateTime:yyyyMMddHHmmssfffffff}.json");
        try
        {
            await _container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(payee, StorageJson.Options),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The same correction recorded by a retried request.
        }
    }

    /// <summary>The latest correction of a case, or null.</summary>
    public async Task<Payee?> LatestAsync(string caseId, CancellationToken cancellationToken)
    {
        string? latest = null;
        await foreach (BlobItem item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, caseId + "/", cancellationToken).ConfigureAwait(false))
        {
            if (latest is null || string.CompareOrdinal(item.Name, latest) > 0) latest = item.Name;
        }

        if (latest is null) return null;
        var content = (await _container.GetBlobClient(latest).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
        return content.ToObjectFromJson<Payee>(StorageJson.Options);
    }
}
