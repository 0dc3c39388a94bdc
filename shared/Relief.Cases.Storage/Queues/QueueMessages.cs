using System.Text;
using System.Text.Json;
using Relief.Cases.Deadlines;
using Relief.Cases.Lifecycle;
using Relief.Cases.Payments;

namespace Relief.Cases.Storage.Queues;

/// <summary>
/// The JSON message on the <c>payments</c> queue: a <see cref="PaymentInstruction"/> with its idempotency key
/// spelled out, so the payment function deduplicates without recomputing it.
/// </summary>
/// <param name="IdempotencyKey">Beneficiary|program|period: one payment each, ever.</param>
/// <param name="BeneficiaryId">Pseudonymous household or person id (never an ID-card number).</param>
/// <param name="CaseId">The deciding case.</param>
/// <param name="Program">Program code.</param>
/// <param name="Period"><c>yyyy-MM</c> or a one-off period.</param>
/// <param name="Amount">Yuan, to the fen.</param>
/// <param name="Source">The fund.</param>
/// <param name="CreatedAt">When the decision created it.</param>
public sealed record PaymentInstructionMessage(
    string IdempotencyKey,
    string BeneficiaryId,
    string CaseId,
    string Program,
    string Period,
    decimal Amount,
    FundSource Source,
    DateTimeOffset CreatedAt)
{
    /// <summary>The message of an instruction.</summary>
    public static PaymentInstructionMessage From(PaymentInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return new(instruction.IdempotencyKey, instruction.BeneficiaryId, instruction.CaseId, instruction.Program, instruction.Period, instruction.Amount, instruction.Source, instruction.CreatedAt);
    }

    /// <summary>The instruction back (the key is recomputed from its parts).</summary>
    public PaymentInstruction ToInstruction() => new(BeneficiaryId, CaseId, Program, Period, Amount, Source, CreatedAt);
}

/// <summary>
/// An escalation (督办) on the <c>supervision</c> queue: a deadline of a case passed. No personal data — the case
/// id leads to everything else.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Step">The step the case was in.</param>
/// <param name="DeadlineKind">Which limit passed.</param>
/// <param name="DueAt">When it passed.</param>
/// <param name="DetectedAt">When the workflow noticed (its clock).</param>
/// <param name="Jurisdiction">Jurisdiction code, for routing to the supervising office.</param>
/// <param name="Program">Program code.</param>
/// <param name="Reference">For transfers and per-agency answers: which one.</param>
public sealed record SupervisionMessage(
    string CaseId,
    CaseStep Step,
    CaseDeadlineKind DeadlineKind,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt,
    string Jurisdiction,
    string Program,
    string? Reference = null)
{
    /// <summary>The escalation of <paramref name="deadline"/> of <paramref name="record"/>, noticed at <paramref name="detectedAt"/>.</summary>
    public static SupervisionMessage For(Records.CaseRecord record, CaseDeadline deadline, DateTimeOffset detectedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(deadline);
        return new SupervisionMessage(record.CaseId, record.Step, deadline.Kind, deadline.ExpiresAt, detectedAt, record.Jurisdiction, Intake.AssistancePrograms.ToCode(record.Program), deadline.Reference);
    }
}

/// <summary>Encodes queue message text (JSON, optionally Base64) and decodes both forms.</summary>
public static class QueueMessageText
{
    /// <summary>JSON of <paramref name="message"/> with <see cref="StorageJson.Options"/>, Base64 when asked.</summary>
    public static string Encode<T>(T message, bool base64)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(message, StorageJson.Options);
        return base64 ? Convert.ToBase64String(json) : Encoding.UTF8.GetString(json);
    }

    /// <summary>Reads a message written by <see cref="Encode{T}"/> (either encoding).</summary>
    public static T Decode<T>(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        string json = trimmed.StartsWith('{') ? trimmed : Encoding.UTF8.GetString(Convert.FromBase64String(trimmed));
        return JsonSerializer.Deserialize<T>(json, StorageJson.Options)
            ?? throw new JsonException("The queue message is empty.");
    }
}
