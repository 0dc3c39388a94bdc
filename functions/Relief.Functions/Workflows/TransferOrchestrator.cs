using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using System.Globalization;
using Relief.Cases.Deadlines;
using Relief.Cases.Transfers;
using Relief.Functions.Workflows.Activities;

namespace Relief.Functions.Workflows;

/// <summary>
/// A transfer (转办) of a case, or part of it, to a department, one instance per transfer
/// (<see cref="InstanceId"/>): the reply deadline is a durable timer raced against the department's reply; when it
/// passes, the transfer is escalated (督办) and a late reply is still accepted. The case's own orchestration goes on
/// meanwhile: the accepting office stays responsible (首问负责).
/// </summary>
public static class TransferOrchestrator
{
    /// <summary>The orchestrator name.</summary>
    public const string Name = "CaseTransfer";

    /// <summary>The department's reply event (payload <see cref="DepartmentReplyEvent"/>).</summary>
    public const string ReplyEvent = "DepartmentReply";

    private static readonly TaskOptions Retry = WorkflowRetry.Activities;

    /// <summary>The instance id of a transfer.</summary>
    public static string InstanceId(string caseId, string transferId) => caseId + "-transfer-" + transferId;

    /// <summary>The orchestrator function: the input is the <see cref="TransferInput"/> the transfer was started with.</summary>
    [Function(Name)]
    public static Task<TransferOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, context.GetInput<TransferInput>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input."));
    }

    /// <summary>Runs one transfer.</summary>
    public static async Task<TransferOutcome> RunAsync(TaskOrchestrationContext context, TransferInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        int operation = 0;
        string Next() => string.Create(CultureInfo.InvariantCulture, $"{context.InstanceId}:{++operation}");
        DateTimeOffset Now() => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

        CaseDeadline deadline = await CalendarAware.CallAsync<CaseDeadline>(context, input.CaseId, Next, OpenTransfer.Name, new OpenTransferRequest(input, Next(), Now()));
        var reply = context.WaitForExternalEvent<DepartmentReplyEvent>(ReplyEvent);
        using (var cts = new CancellationTokenSource())
        {
            Task due = context.CreateTimer(deadline.ExpiresAt.UtcDateTime, cts.Token);
            if (await Task.WhenAny(reply, due) == due)
            {
                await context.CallActivityAsync<TransferState>(UpdateTransfer.Name,
                    new TransferUpdate(input.CaseId, input.TransferId, TransferTrigger.DeadlinePassed, Next(), Now(), "system", null, deadline), Retry);
            }
            else
            {
                cts.Cancel();
            }
        }

        var answer = await reply;
        var state = await context.CallActivityAsync<TransferState>(UpdateTransfer.Name,
            new TransferUpdate(input.CaseId, input.TransferId, TransferTrigger.Reply, Next(), Now(), answer.Actor, answer.Note, deadline), Retry);
        return new TransferOutcome(state);
    }
}
