using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Queues;
using Relief.Cases.Storage.Tests.Builders;
using Relief.Testing;

namespace Relief.Cases.Storage.Tests.Queues;

public sealed class PaymentInstructionWriterTests
{
    [Fact]
    public async Task WriteAsync_Instruction_EnqueuesTheDocumentedJsonShape()
    {
        string queue = UniqueNames.Queue("payments");
        var queues = await TestStorage.QueuesAsync();
        var writer = new PaymentInstructionWriter(queues, Options.Create(new PaymentQueueOptions { QueueName = queue }), NullLogger<PaymentInstructionWriter>.Instance);
        await writer.InitializeAsync(CancellationToken.None);
        var instruction = new PaymentInstruction("hh-1", "case-1", "temporary-emergency", "advance@case-1", 1000.50m, FundSource.TownshipReserveFund, TestCases.T0);

        await writer.WriteAsync(instruction, CancellationToken.None);

        var message = (await queues.GetQueueClient(queue).ReceiveMessageAsync()).Value;
        string json = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        using var document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal(
            new[] { "idempotencyKey", "beneficiaryId", "caseId", "program", "period", "amount", "source", "createdAt" },
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("hh-1|temporary-emergency|advance@case-1", root.GetProperty("idempotencyKey").GetString());
        Assert.Equal(1000.50m, root.GetProperty("amount").GetDecimal());
        Assert.Equal("townshipReserveFund", root.GetProperty("source").GetString());
        Assert.Equal(TestCases.T0, root.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(instruction, QueueMessageText.Decode<PaymentInstructionMessage>(message.MessageText).ToInstruction());
    }

    [Fact]
    public async Task WriteAsync_PlainTextOption_WritesReadableJson()
    {
        string queue = UniqueNames.Queue("payments");
        var queues = await TestStorage.QueuesAsync();
        var writer = new PaymentInstructionWriter(queues, Options.Create(new PaymentQueueOptions { QueueName = queue, EncodeBase64 = false }), NullLogger<PaymentInstructionWriter>.Instance);
        await writer.InitializeAsync(CancellationToken.None);

        await writer.WriteAsync(new PaymentInstruction("hh-1", "case-1", "dibao", "2026-04", 1330m, FundSource.Regular, TestCases.T0), CancellationToken.None);

        var message = (await queues.GetQueueClient(queue).ReceiveMessageAsync()).Value;
        Assert.StartsWith("{\"idempotencyKey\":\"hh-1|dibao|2026-04\"", message.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_AmountNotInFen_Throws()
    {
        var writer = new PaymentInstructionWriter(await TestStorage.QueuesAsync(), Options.Create(new PaymentQueueOptions { QueueName = UniqueNames.Queue("payments") }), NullLogger<PaymentInstructionWriter>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(new PaymentInstruction("hh-1", "case-1", "dibao", "2026-04", 10.005m, FundSource.Regular, TestCases.T0), CancellationToken.None));
    }
}
