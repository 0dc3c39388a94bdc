using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Relief.Cases.Identifiers;
using Relief.Cases.Intake;
using Relief.Cases.Storage.Documents;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Documents;

public sealed class DocumentStoreTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly FakeTimeProvider _time = new(TestCases.T0);

    private async Task<DocumentStore> NewStoreAsync(long maxBytes = 1024 * 1024)
    {
        var options = new DocumentStoreOptions { ContainerName = UniqueNames.Container("docs"), MaxBytes = maxBytes };
        var store = new DocumentStore(await TestStorage.BlobsAsync(), Options.Create(options), new SequentialIdentifierSource("doc"), _time, NullLogger<DocumentStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task UploadAsync_Pdf_StoresItAndTheChecksumRoundTrips()
    {
        var store = await NewStoreAsync();

        var result = await store.UploadAsync("case-1", new DocumentUpload("application/pdf", DocumentKind.HukouBooklet), new MemoryStream(Pdf), CancellationToken.None);
        await using var download = await store.DownloadAsync("case-1", result.Document!.DocumentId, CancellationToken.None);
        using var content = new MemoryStream();
        await download!.Content.CopyToAsync(content);

        Assert.True(result.IsStored);
        string expected = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal(expected, result.Document.Sha256);
        Assert.Equal("doc0001", result.Document.DocumentId);
        Assert.Equal(Pdf.Length, result.Document.Length);
        Assert.Equal(Pdf, content.ToArray());
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(content.ToArray())));
        Assert.Equal(expected, download.Document.Sha256);
        Assert.Equal("application/pdf", download.Document.ContentType);
        Assert.Equal(DocumentKind.HukouBooklet, download.Document.Kind);
        Assert.Equal(TestCases.T0, download.Document.UploadedAt);
    }

    [Fact]
    public async Task UploadAsync_WrongContentType_IsRejected()
    {
        var store = await NewStoreAsync();

        var result = await store.UploadAsync("case-1", new DocumentUpload("application/msword"), new MemoryStream(Pdf), CancellationToken.None);

        Assert.False(result.IsStored);
        Assert.Equal(DocumentRejection.UnsupportedContentType, result.Rejection);
        Assert.Empty(await store.ListAsync("case-1", CancellationToken.None));
    }

    [Fact]
    public async Task UploadAsync_LargerThanTheLimit_IsRejected()
    {
        var store = await NewStoreAsync(maxBytes: 64);
        byte[] big = [.. Pdf, .. new byte[100]];

        var result = await store.UploadAsync("case-1", new DocumentUpload("application/pdf"), new MemoryStream(big), CancellationToken.None);

        Assert.Equal(DocumentRejection.TooLarge, result.Rejection);
        Assert.Empty(await store.ListAsync("case-1", CancellationToken.None));
    }

    [Fact]
    public async Task UploadAsync_ExactlyAtTheLimit_IsStored()
    {
        var store = await NewStoreAsync(maxBytes: Pdf.Length);

        var result = await store.UploadAsync("case-1", new DocumentUpload("application/pdf"), new MemoryStream(Pdf), CancellationToken.None);

        Assert.True(result.IsStored);
    }

    [Fact]
    public async Task UploadAsync_ContentNotOfTheDeclaredType_IsRejected()
    {
        var store = await NewStoreAsync();

        var asPng = await store.UploadAsync("case-1", new DocumentUpload("image/png"), new MemoryStream(Pdf), CancellationToken.None);
        var empty = await store.UploadAsync("case-1", new DocumentUpload("image/png"), new MemoryStream(), CancellationToken.None);

        Assert.Equal(DocumentRejection.ContentDoesNotMatchType, asPng.Rejection);
        Assert.Equal(DocumentRejection.Empty, empty.Rejection);
    }

    [Fact]
    public async Task ListAsync_TwoDocuments_DescribesThemForTheMissingMaterialsCheck()
    {
        var store = await NewStoreAsync();
        await store.UploadAsync("case-1", new DocumentUpload("image/png; charset=binary", DocumentKind.ResidentIdCopy, 0), new MemoryStream(Png), CancellationToken.None);
        await store.UploadAsync("case-1", new DocumentUpload("application/pdf", DocumentKind.DisabilityCertificate, 1), new MemoryStream(Pdf), CancellationToken.None);
        await store.UploadAsync("case-2", new DocumentUpload("application/pdf", DocumentKind.HukouBooklet), new MemoryStream(Pdf), CancellationToken.None);

        var documents = await store.ListAsync("case-1", CancellationToken.None);

        Assert.Equal(
            new SuppliedDocument?[] { new(DocumentKind.ResidentIdCopy, 0), new(DocumentKind.DisabilityCertificate, 1) },
            documents.OrderBy(d => d.DocumentId, StringComparer.Ordinal).Select(d => d.AsSupplied()).ToArray());
        Assert.Equal("image/png", documents.Single(d => d.Kind == DocumentKind.ResidentIdCopy).ContentType);
        Assert.All(documents, d => Assert.Equal(64, d.Sha256.Length));
    }

    [Fact]
    public async Task DownloadAsync_UnknownDocument_ReturnsNull()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.DownloadAsync("case-1", "doc9999", CancellationToken.None));
    }
}
