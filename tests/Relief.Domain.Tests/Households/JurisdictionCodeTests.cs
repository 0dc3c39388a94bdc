using Relief.Domain.Households;

namespace Relief.Domain.Tests.Households;

public class JurisdictionCodeTests
{
    [Fact]
    public void Parse_WithArea_SplitsAndLowerCases()
    {
        Assert.Equal(new JurisdictionCode("qingdao", "laixi"), JurisdictionCode.Parse(" Qingdao/Laixi "));
    }

    [Fact]
    public void Parse_WithoutArea_HasNoArea()
    {
        JurisdictionCode code = JurisdictionCode.Parse("liyang");

        Assert.Null(code.Area);
        Assert.Equal("liyang", code.ToString());
    }

    [Theory]
    [InlineData("a/b/c")]
    [InlineData("a/")]
    public void Parse_Malformed_Throws(string input)
    {
        Assert.Throws<FormatException>(() => JurisdictionCode.Parse(input));
    }
}
