using DurableTask.Core.History;
using Relief.FunctionsHost.Durable;

namespace Relief.FunctionsHost.Tests.Durable;

/// <summary>The host's translations between the sidecar, the Azure Storage provider and the worker.</summary>
public sealed class DurableTranslationTests
{
    [Theory]
    [InlineData("[\"Qingdao\"]", "\"Qingdao\"")]
    [InlineData("[[1,2]]", "[1,2]")]
    [InlineData("[{\"a\":1}]", "{\"a\":1}")]
    [InlineData("[]", null)]
    [InlineData("", null)]
    [InlineData("7", "7")]
    public void ActivityInput_ParameterArray_UnwrappedToTheSingleArgument(string input, string? expected)
    {
        Assert.Equal(expected, DurableWorkItemPump.ActivityInput(input));
    }

    [Fact]
    public void ActivityInput_TwoParameters_Refused()
    {
        Assert.Throws<FormatException>(() => DurableWorkItemPump.ActivityInput("[1,2]"));
    }

    [Fact]
    public void FailureDetails_ExtensionJson_UnpackedWithInnerFailure()
    {
        var details = FailureDetails.From(
            """{"errorType":"System.InvalidOperationException","errorMessage":"attempt 3 fails","stackTrace":"at X","innerFailure":{"errorType":"System.IO.IOException","errorMessage":"disk"}}""",
            "Ignored", null);

        Assert.Equal("System.InvalidOperationException", details.ErrorType);
        Assert.Equal("attempt 3 fails", details.ErrorMessage);
        Assert.Equal("at X", details.StackTrace);
        Assert.Equal("System.IO.IOException", details.InnerFailure.ErrorType);
    }

    [Fact]
    public void FailureDetails_PlainMessage_KeptWithItsType()
    {
        var details = FailureDetails.From("{ not json", "System.Exception", "trace");

        Assert.Equal("System.Exception", details.ErrorType);
        Assert.Equal("{ not json", details.ErrorMessage);
    }

    [Fact]
    public void TypeBinder_ProtobufMap_WrittenAndReadAsDictionary()
    {
        var binder = new ProtobufMapTypeBinder();

        binder.BindToName(typeof(Google.Protobuf.Collections.MapField<string, string>), out _, out var name);

        Assert.Equal(typeof(Dictionary<string, string>).FullName, name);
        Assert.Equal(typeof(Dictionary<string, string>), binder.BindToType("Google.Protobuf", typeof(Google.Protobuf.Collections.MapField<string, string>).FullName!));
        Assert.Equal(typeof(string), binder.BindToType(null!, typeof(string).FullName!));
    }

    [Fact]
    public void Normalize_SidecarSubOrchestrationEvent_ReplacedByTheFrameworkEventInEveryList()
    {
        var state = new DurableTask.Core.OrchestrationRuntimeState();
        state.AddEvent(new OrchestratorStartedEvent(-1));
        state.AddEvent(new SidecarLikeEvent(4) { Name = "Child", InstanceId = "child-1", Input = "\"in\"" });

        SidecarOrchestrationService.Normalize(state);

        var created = Assert.Single(state.Events.OfType<SubOrchestrationInstanceCreatedEvent>());
        Assert.Equal(typeof(SubOrchestrationInstanceCreatedEvent), created.GetType());
        Assert.Equal((4, "Child", "child-1", "\"in\""), (created.EventId, created.Name, created.InstanceId, created.Input));
        Assert.Equal(typeof(SubOrchestrationInstanceCreatedEvent), Assert.Single(state.NewEvents.OfType<SubOrchestrationInstanceCreatedEvent>()).GetType());
    }

    private sealed class SidecarLikeEvent(int eventId) : SubOrchestrationInstanceCreatedEvent(eventId);
}
