using Relief.Domain.Households;
using Relief.Domain.Tests.Builders;
using Relief.Domain.Validation;

namespace Relief.Domain.Tests.Households;

public class ResidentIdNumberTests
{
    [Fact]
    public void Parse_StandardExampleWithX_IsValidWithBirthDate()
    {
        // The example number of GB 11643-1999.
        Validated<ResidentIdNumber> result = ResidentIdNumber.Parse("11010519491231002x");

        Assert.True(result.IsValid);
        Assert.Equal("11010519491231002X", result.Value.Value);
        Assert.Equal(new DateOnly(1949, 12, 31), result.Value.BirthDate);
    }

    [Fact]
    public void Parse_StandardExampleBornIn1880_CheckDigitRightButBirthDateImpossible()
    {
        // GB 11643's second example has a correct check digit, but nobody born in 1880 applies today.
        Assert.Equal('4', ResidentIdNumber.ComputeCheckCharacter("44052418800101001"));

        Validated<ResidentIdNumber> result = ResidentIdNumber.Parse("440524188001010014");

        Assert.Contains("birth date", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X1")]
    [InlineData("")]
    public void Parse_WrongLength_RejectedNamingField(string input)
    {
        Validated<ResidentIdNumber> result = ResidentIdNumber.Parse(input, "applicant.residentId");

        Assert.False(result.IsValid);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal("applicant.residentId", error.Field);
        Assert.Contains("applicant.residentId", error.Message, StringComparison.Ordinal);
        Assert.Contains("18 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongCheckDigit_RejectedNamingField()
    {
        Validated<ResidentIdNumber> result = ResidentIdNumber.Parse("110105194912310021", "members[1].residentId");

        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal("members[1].residentId", error.Field);
        Assert.Contains("check character", error.Message, StringComparison.Ordinal);
        Assert.Contains("X", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("19490230")]
    [InlineData("20231301")]
    [InlineData("18991231")]
    public void Parse_ImpossibleBirthDate_RejectedNamingField(string birth)
    {
        string body = "110105" + birth + "002";
        string id = body + ResidentIdNumber.ComputeCheckCharacter(body);

        Validated<ResidentIdNumber> result = ResidentIdNumber.Parse(id);

        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal(ResidentIdNumber.DefaultField, error.Field);
        Assert.Contains("birth date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BirthDateAfterNotAfter_Rejected()
    {
        string id = TestIds.For(new DateOnly(2026, 5, 1), 7);

        Assert.False(ResidentIdNumber.Parse(id, notAfter: new DateOnly(2026, 4, 30)).IsValid);
        Assert.True(ResidentIdNumber.Parse(id, notAfter: new DateOnly(2026, 5, 1)).IsValid);
    }

    [Fact]
    public void Parse_LetterInsideDigits_Rejected()
    {
        Validated<ResidentIdNumber> result = ResidentIdNumber.Parse("1101051949A231002X");

        Assert.Contains("character 11", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AgeOn_DayBeforeBirthday_IsOneLess()
    {
        ResidentIdNumber id = ResidentIdNumber.Parse(TestIds.For(new DateOnly(1966, 3, 15), 1)).Value!;

        Assert.Equal(59, id.AgeOn(new DateOnly(2026, 3, 14)));
        Assert.Equal(60, id.AgeOn(new DateOnly(2026, 3, 15)));
    }

    [Fact]
    public void ToString_Always_MasksBirthDateAndSequence()
    {
        ResidentIdNumber id = ResidentIdNumber.Parse("11010519491231002X").Value!;

        Assert.Equal("110105********002X", id.ToString());
    }
}
