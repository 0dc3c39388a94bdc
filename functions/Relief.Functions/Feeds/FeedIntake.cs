using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Relief.Cases.Feeds;
using Relief.Cases.Storage;
using Relief.Cases.Storage.Feeds;
using Relief.Domain.Calendar;
using Relief.Domain.Validation;

namespace Relief.Functions.Feeds;

/// <summary>
/// The path of every agency message: parse the documented JSON, validate (every problem listed), claim the record
/// (feed and record id; a duplicate is ignored, a record id reused with other content refused), apply its effects
/// (<see cref="FeedEffects"/>), mark it applied. A refused message goes to <c>{queue}-poison</c> at once with the
/// reason (<see cref="FeedRejection"/>); a failure while applying throws, so the host retries it and poisons it only
/// after <c>maxDequeueCount</c> attempts — never dropped. ID numbers are never logged.
/// </summary>
public sealed class FeedIntake(FeedRecordStore records, FeedEffects effects, QueueServiceClient queues, IConfiguration configuration, TimeProvider time, ILogger<FeedIntake> logger)
{
    /// <summary>The documented JSON and nothing else: a field the schema does not name is refused (a typo must not drop data silently).</summary>
    private static readonly JsonSerializerOptions Strict = new(StorageJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Largest refused message copied whole into its rejection record (characters); a larger one is left to the host's poison handling.</summary>
    public const int MaxRejectedBody = 16_000;

    /// <summary>The message as it arrived, with its queue metadata.</summary>
    /// <param name="Body">The message text.</param>
    /// <param name="MessageId">Its id.</param>
    /// <param name="DequeueCount">How often it was dequeued.</param>
    /// <param name="FunctionName">The function running it.</param>
    public sealed record Delivery(string Body, string MessageId, long DequeueCount, string FunctionName);

    /// <summary>Runs one message of feed <paramref name="kind"/> through <paramref name="validate"/> and its effects.</summary>
    public async Task RunAsync<TMessage>(FeedKind kind, Delivery delivery, Func<TMessage, DateOnly, Validated<FeedRecord>> validate, DurableTaskClient durable, CancellationToken cancellationToken)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(validate);
        DateTimeOffset now = time.GetUtcNow();
        TMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<TMessage>(delivery.Body, Strict);
        }
        catch (JsonException ex)
        {
            await RejectAsync(kind, delivery, "Invalid", $"Not the documented JSON of the {kind.ToCode()} feed ({ex.Path ?? "$"}, line {ex.LineNumber + 1}).", now, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message is null)
        {
            await RejectAsync(kind, delivery, "Invalid", "The message is JSON null.", now, cancellationToken).ConfigureAwait(false);
            return;
        }

        Validated<FeedRecord> valid = validate(message, ChinaStandardTime.DateOf(now));
        if (!valid.IsValid)
        {
            await RejectAsync(kind, delivery, "Invalid", string.Join(" ", valid.Errors.Select(e => e.Message)), now, cancellationToken).ConfigureAwait(false);
            return;
        }

        FeedRecord record = valid.Value;
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message, StorageJson.Options))));
        FeedClaim claim = await records.ClaimAsync(kind.ToCode(), record.RecordId, hash, now, cancellationToken).ConfigureAwait(false);
        switch (claim.Outcome)
        {
            case FeedClaimOutcome.Duplicate:
                Logs.RecordDuplicate(logger, kind.ToCode(), record.RecordId);
                return;
            case FeedClaimOutcome.Conflict:
                await RejectAsync(kind, delivery, "Conflict",
                    $"recordId: '{record.RecordId}' was received on {claim.ReceivedAt:yyyy-MM-dd HH:mm:ss}Z with other content; a correction is a new record with its own id.", now, cancellationToken).ConfigureAwait(false);
                return;
        }

        string result = await effects.ApplyAsync(record, claim.ReceivedAt, durable, cancellationToken).ConfigureAwait(false);
        await records.CompleteAsync(kind.ToCode(), record.RecordId, result, cancellationToken).ConfigureAwait(false);
        Logs.RecordApplied(logger, kind.ToCode(), record.RecordId, result);
    }

    private async Task RejectAsync(FeedKind kind, Delivery delivery, string reason, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (delivery.Body.Length > MaxRejectedBody)
        {
            // Too large to travel whole in a queue message: fail instead, so that the host keeps it (its poison record
            // goes to a blob when large) — refused either way, never lost.
            throw new FormatException($"Refused {kind.ToCode()} message of {delivery.Body.Length} characters ({reason}): {error}");
        }

        string queue = configuration[FeedQueues.All[kind].Setting] ?? FeedQueues.All[kind].DefaultName;
        QueueClient poison = queues.GetQueueClient(queue + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        string json = JsonSerializer.Serialize(new FeedRejection(queue, delivery.MessageId, delivery.Body, reason, error, delivery.DequeueCount, delivery.FunctionName, now), StorageJson.Options);
        await poison.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), cancellationToken).ConfigureAwait(false);
        Logs.RecordRejected(logger, kind.ToCode(), delivery.MessageId, queue + "-poison", reason + ": " + error);
    }
}
