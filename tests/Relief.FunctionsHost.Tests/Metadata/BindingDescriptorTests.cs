using Relief.FunctionsHost.Metadata;

namespace Relief.FunctionsHost.Tests.Metadata;

public sealed class BindingDescriptorTests
{
    [Fact]
    public void Parse_QueueTriggerWithDeferredBinding_ReadsNameTypeQueueAndFlag()
    {
        var binding = BindingDescriptor.Parse("F", """{"name":"message","direction":"In","type":"queueTrigger","queueName":"%Q%","properties":{"supportsDeferredBinding":"True"}}""");

        Assert.Equal("message", binding.Name);
        Assert.True(binding.IsTrigger);
        Assert.False(binding.IsOutput);
        Assert.Equal("%Q%", binding.Property("QUEUENAME"));
        Assert.True(binding.SupportsDeferredBinding);
    }

    [Fact]
    public void Parse_HttpTrigger_MethodsAsList()
    {
        var binding = BindingDescriptor.Parse("F", """{"name":"req","direction":"In","type":"httpTrigger","methods":["get","post"]}""");

        Assert.Equal(["get", "post"], binding.Strings("methods"));
        Assert.False(binding.SupportsDeferredBinding);
    }

    [Fact]
    public void Parse_WithoutType_FailsNamingTheFunction()
    {
        var error = Assert.Throws<InvalidDataException>(() => BindingDescriptor.Parse("Broken", """{"name":"x","direction":"In"}"""));

        Assert.Contains("Broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("'type'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_TwoFunctionsOfOneName_Refused()
    {
        var binding = BindingDescriptor.Parse("A", """{"name":"t","direction":"In","type":"timerTrigger","schedule":"0 * * * * *"}""");

        var error = Assert.Throws<FunctionIndexException>(() => new FunctionIndex([new FunctionDescriptor("1", "Same", [binding]), new FunctionDescriptor("2", "same", [binding])]));

        Assert.Equal("same", error.FunctionName);
    }
}
