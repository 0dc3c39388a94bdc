using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Relief.Cases.Deadlines;
using Relief.Cases.Lifecycle;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Queues;

public sealed class SupervisionWriterTests
{
    [Fact]
    public async Task WriteAsync_Escalation_EnqueuesCaseStepDeadlineAndDetectionOnly()
    {
        string queue = UniqueNames.Queue("supervision");
        var queues = await TestStorage.QueuesAsync();
        var writer = new SupervisionWriter(queues, Options.Create(new SupervisionQueueOptions { QueueName = queue }), NullLogger<SupervisionWriter>.Instance);
        await writer.InitializeAsync(CancellationToken.None);
        var escalation = new SupervisionMessage("case-1", CaseStep.Investigation, CaseDeadlineKind.InvestigationStart,
            TestCases.T0.AddDays(3), TestCases.T0.AddDays(3).AddMinutes(1), "qingdao/shinan", "dibao");

        await writer.WriteAsync(escalation, CancellationToken.None);

        var message = (await queues.GetQueueClient(queue).ReceiveMessageAsync()).Value;
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)));
        JsonElement root = document.RootElement;
        Assert.Equal(
            new[] { "caseId", "step", "deadlineKind", "dueAt", "detectedAt", "jurisdiction", "program" },
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("investigation", root.GetProperty("step").GetString());
        Assert.Equal("investigationStart", root.GetProperty("deadlineKind").GetString());
        Assert.Equal(TestCases.T0.AddDays(3), root.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(escalation, QueueMessageText.Decode<SupervisionMessage>(message.MessageText));
    }

    [Fact]
    public async Task WriteAsync_TransferEscalation_CarriesTheTransferReference()
    {
        string queue = UniqueNames.Queue("supervision");
        var queues = await TestStorage.QueuesAsync();
        var writer = new SupervisionWriter(queues, Options.Create(new SupervisionQueueOptions { QueueName = queue, EncodeBase64 = false }), NullLogger<SupervisionWriter>.Instance);
        await writer.InitializeAsync(CancellationToken.None);

        await writer.WriteAsync(new SupervisionMessage("case-1", CaseStep.AwaitingDecision, CaseDeadlineKind.TransferReply, TestCases.T0, TestCases.T0, "qingdao/shinan", "dibao", "t1"), CancellationToken.None);

        var message = (await queues.GetQueueClient(queue).ReceiveMessageAsync()).Value;
        Assert.Equal("t1", QueueMessageText.Decode<SupervisionMessage>(message.MessageText).Reference);
    }

    [Fact]
    public void For_CaseAndDeadline_TakesStepJurisdictionProgramAndReference()
    {
        var record = TestCases.Case("case-7", CaseStep.AwaitingDecision, "liyang");
        var deadline = new CaseDeadline(CaseDeadlineKind.TransferReply, new DateOnly(2026, 3, 9), TestCases.T0.AddDays(7), "5 working days", "t2");

        var message = SupervisionMessage.For(record, deadline, TestCases.T0.AddDays(7));

        Assert.Equal(new SupervisionMessage("case-7", CaseStep.AwaitingDecision, CaseDeadlineKind.TransferReply, TestCases.T0.AddDays(7), TestCases.T0.AddDays(7), "liyang", "dibao", "t2"), message);
    }
}
