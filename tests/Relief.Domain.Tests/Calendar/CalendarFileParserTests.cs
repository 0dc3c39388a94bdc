using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;

namespace Relief.Domain.Tests.Calendar;

public class CalendarFileParserTests
{
    [Fact]
    public void Parse_RangeOfHolidays_ExpandsEveryDay()
    {
        CalendarYear year = CalendarFileParser.Parse("2030.json", """{ "year": 2030, "source": "s", "holidays": [ { "from": "2030-10-01", "to": "2030-10-07" } ], "workedWeekendDays": [ "2030-09-29" ] }""");

        Assert.Equal(7, year.Holidays.Count);
        Assert.Contains(new DateOnly(2030, 9, 29), year.WorkedWeekendDays);
    }

    [Fact]
    public void Parse_WorkedDayOnWeekday_FailsNamingField()
    {
        FormatException ex = Assert.Throws<FormatException>(() => CalendarFileParser.Parse("2030.json", """{ "year": 2030, "source": "s", "holidays": [], "workedWeekendDays": [ "2030-09-30" ] }"""));

        Assert.Contains("2030.json: workedWeekendDays[0]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DateInOtherYear_Fails()
    {
        FormatException ex = Assert.Throws<FormatException>(() => CalendarFileParser.Parse("2030.json", """{ "year": 2030, "source": "s", "holidays": [ { "from": "2031-01-01", "to": "2031-01-01" } ], "workedWeekendDays": [] }"""));

        Assert.Contains("holidays[0].from", ex.Message, StringComparison.Ordinal);
    }
}
