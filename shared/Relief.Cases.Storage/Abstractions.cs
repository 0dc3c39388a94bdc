using Relief.Cases.Audit;
using Relief.Cases.Intake;
using Relief.Cases.Payments;
using Relief.Cases.Records;
using Relief.Cases.Storage.Cases;
using Relief.Cases.Storage.Documents;
using Relief.Cases.Storage.Idempotency;
using Relief.Cases.Storage.Queues;

namespace Relief.Cases.Storage;

/// <summary>Case records and the work list; see <see cref="CaseStore"/> for the semantics every implementation keeps.</summary>
public interface ICaseStore
{
    /// <inheritdoc cref="CaseStore.CreateAsync"/>
    Task<CaseCreateResult> CreateAsync(CaseRecord record, ApplicationRequest application, CancellationToken cancellationToken);

    /// <inheritdoc cref="CaseStore.GetAsync"/>
    Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <inheritdoc cref="CaseStore.GetApplicationAsync"/>
    Task<ApplicationRequest?> GetApplicationAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Keeps the household as a review found it (personal data, beside the application); replaced by a retry of the same review.</summary>
    Task SaveReviewedApplicationAsync(string caseId, string reviewId, ApplicationRequest application, CancellationToken cancellationToken);

    /// <summary>The household as review <paramref name="reviewId"/> found it, or null.</summary>
    Task<ApplicationRequest?> GetReviewedApplicationAsync(string caseId, string reviewId, CancellationToken cancellationToken);

    /// <inheritdoc cref="CaseStore.ClaimOpenCaseAsync"/>
    Task<Cases.OpenCaseClaim> ClaimOpenCaseAsync(Relief.Cases.Intake.AssistanceProgram program, string householdId, string caseId, CancellationToken cancellationToken);

    /// <inheritdoc cref="CaseStore.TryUpdateAsync"/>
    Task<CaseRecord?> TryUpdateAsync(CaseRecord record, CancellationToken cancellationToken);

    /// <inheritdoc cref="CaseStore.QueryWorkListAsync"/>
    Task<WorkListPage> QueryWorkListAsync(WorkListQuery query, CancellationToken cancellationToken);
}

/// <summary>The append-only audit trail; see <see cref="Audit.AuditLog"/>.</summary>
public interface IAuditLog
{
    /// <inheritdoc cref="Audit.AuditLog.AppendAsync(AuditEntry, CancellationToken)"/>
    Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <inheritdoc cref="Audit.AuditLog.AppendAsync(AuditEntry, string?, CancellationToken)"/>
    Task<AuditEntry> AppendAsync(AuditEntry entry, string? operationId, CancellationToken cancellationToken);

    /// <inheritdoc cref="Audit.AuditLog.ReadAsync"/>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string caseId, CancellationToken cancellationToken);
}

/// <summary>Idempotency-Key records; see <see cref="IdempotencyStore"/>.</summary>
public interface IIdempotencyStore
{
    /// <inheritdoc cref="IdempotencyStore.ClaimAsync"/>
    Task<IdempotencyClaim> ClaimAsync(string scope, string key, string requestHash, string proposedCaseId, CancellationToken cancellationToken);
}

/// <summary>Case documents; see <see cref="DocumentStore"/>.</summary>
public interface IDocumentStore
{
    /// <inheritdoc cref="DocumentStore.UploadAsync"/>
    Task<DocumentUploadResult> UploadAsync(string caseId, DocumentUpload upload, Stream content, CancellationToken cancellationToken);

    /// <inheritdoc cref="DocumentStore.DownloadAsync"/>
    Task<DocumentDownload?> DownloadAsync(string caseId, string documentId, CancellationToken cancellationToken);

    /// <inheritdoc cref="DocumentStore.ListAsync"/>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string caseId, CancellationToken cancellationToken);
}

/// <summary>The <c>payments</c> queue; see <see cref="PaymentInstructionWriter"/>.</summary>
public interface IPaymentInstructionWriter
{
    /// <inheritdoc cref="PaymentInstructionWriter.WriteAsync"/>
    Task WriteAsync(PaymentInstruction instruction, CancellationToken cancellationToken);
}

/// <summary>The <c>supervision</c> queue; see <see cref="SupervisionWriter"/>.</summary>
public interface ISupervisionWriter
{
    /// <inheritdoc cref="SupervisionWriter.WriteAsync"/>
    Task WriteAsync(SupervisionMessage escalation, CancellationToken cancellationToken);
}

/// <summary>The economic-verification requests queue; see <see cref="VerificationRequestWriter"/>.</summary>
public interface IVerificationRequestWriter
{
    /// <summary>The queue answers are expected on (named in every request).</summary>
    string AnswerQueueName { get; }

    /// <inheritdoc cref="VerificationRequestWriter.WriteAsync"/>
    Task WriteAsync(EconomicVerificationRequestMessage request, CancellationToken cancellationToken);
}
