namespace Relief.Functions.Feeds;

/// <summary>
/// What Relief writes to <c>{queue}-poison</c> for a message it refuses (invalid, or a record id reused with other
/// content): the same shape as the host's poison record, with <c>reason</c> <c>Invalid</c> or <c>Conflict</c> and every
/// problem in <c>error</c>. A refused message is not retried (retrying cannot make it valid): the agency corrects it
/// and sends it again. A technical failure is retried by the host and poisoned by it after <c>maxDequeueCount</c>.
/// </summary>
/// <param name="Queue">The feed's queue.</param>
/// <param name="MessageId">The original message id.</param>
/// <param name="Body">The original message text, unchanged.</param>
/// <param name="Reason"><c>Invalid</c> or <c>Conflict</c>.</param>
/// <param name="Error">Every problem, each naming its field (no personal data is echoed).</param>
/// <param name="DequeueCount">How many times it had been dequeued.</param>
/// <param name="FunctionName">The function that refused it.</param>
/// <param name="PoisonedOn">When.</param>
public sealed record FeedRejection(string Queue, string MessageId, string Body, string Reason, string Error, long DequeueCount, string FunctionName, DateTimeOffset PoisonedOn);
