using Relief.FunctionsHost.Invocations;
using Relief.FunctionsHost.Rpc;

namespace Relief.FunctionsHost.Tests.Invocations;

public sealed class TypedDataValuesTests
{
    [Fact]
    public void ToMessages_JsonArray_OneMessagePerItem()
    {
        var messages = TypedDataValues.ToMessages(new TypedData { Json = """["a",{"b":1},2]""" });

        Assert.Equal(["a", """{"b":1}""", "2"], messages);
    }

    [Fact]
    public void ToMessages_JsonObjectOrString_OneMessage()
    {
        Assert.Equal(["""{"x":1}"""], TypedDataValues.ToMessages(new TypedData { Json = """{"x":1}""" }));
        Assert.Equal(["text"], TypedDataValues.ToMessages(new TypedData { String = "text" }));
    }

    [Fact]
    public void ToMessages_NullOrNothing_NoMessage()
    {
        Assert.Empty(TypedDataValues.ToMessages(new TypedData { Json = "null" }));
        Assert.Empty(TypedDataValues.ToMessages(null));
        Assert.Empty(TypedDataValues.ToMessages(new TypedData()));
    }

    [Fact]
    public void ToJson_StringIsQuotedNumberIsNot()
    {
        Assert.Equal("\"Hello Qingdao\"", TypedDataValues.ToJson(new TypedData { String = "Hello Qingdao" }));
        Assert.Equal("42", TypedDataValues.ToJson(new TypedData { Int = 42 }));
        Assert.Null(TypedDataValues.ToJson(new TypedData()));
    }

    [Fact]
    public void Number_SentAsJsonText()
    {
        Assert.Equal("3", TypedDataValues.Number(3).Json);
    }

    [Fact]
    public void TraceParent_FromInvocationId_IsW3CFormat()
    {
        var traceParent = FunctionInvoker.TraceParent("01a2421d-3416-7c8b-8868-659dd6d6b59a");

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-00$", traceParent);
    }
}
