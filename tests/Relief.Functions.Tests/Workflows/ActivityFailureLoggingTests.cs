using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Relief.Functions.Workflows;

namespace Relief.Functions.Tests.Workflows;

/// <summary>An activity's failure is logged with its error and still fails the invocation; other functions are not logged.</summary>
public sealed class ActivityFailureLoggingTests
{
    [Fact]
    public async Task FailingActivity_LoggedWithItsError_AndRethrown()
    {
        var logger = new ListLogger();
        var middleware = new ActivityFailureLogging(logger);
        var context = new Context("AssessCase", "activityTrigger");

        var thrown = await Assert.ThrowsAsync<OverflowException>(() => middleware.Invoke(context, _ => throw new OverflowException("Value was either too large or too small for a Decimal.")));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(thrown, entry.Exception);
        Assert.Contains("AssessCase", entry.Message, StringComparison.Ordinal);
        Assert.Contains("too large or too small for a Decimal", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingHttpFunction_NotLoggedHere_StillRethrown()
    {
        var logger = new ListLogger();
        await Assert.ThrowsAsync<InvalidOperationException>(() => new ActivityFailureLogging(logger).Invoke(new Context("GetApplication", "httpTrigger"), _ => throw new InvalidOperationException("x")));
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task SucceedingActivity_NothingLogged()
    {
        var logger = new ListLogger();
        await new ActivityFailureLogging(logger).Invoke(new Context("AssessCase", "activityTrigger"), _ => Task.CompletedTask);
        Assert.Empty(logger.Entries);
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class ListLogger : ILogger<ActivityFailureLogging>
    {
        public List<Entry> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new Entry(logLevel, formatter(state, exception), exception));
    }

    private sealed class Binding(string type) : BindingMetadata
    {
        public override string Name => "input";

        public override string Type => type;

        public override BindingDirection Direction => BindingDirection.In;
    }

    private sealed class Definition(string name, string trigger) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => "";

        public override string EntryPoint => "";

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty.Add("input", new Binding(trigger));

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class Context(string name, string trigger) : FunctionContext
    {
        public override string InvocationId => "inv-1";

        public override string FunctionId => name;

        public override TraceContext TraceContext => null!;

        public override BindingContext BindingContext => null!;

        public override RetryContext RetryContext => null!;

        public override IServiceProvider InstanceServices { get; set; } = null!;

        public override FunctionDefinition FunctionDefinition { get; } = new Definition(name, trigger);

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => null!;
    }
}
