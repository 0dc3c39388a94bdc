using Relief.Cases.Intake;

namespace Relief.Cases.Tests.Intake;

/// <summary>Explicit upper bounds: an amount or count too large is a 400 naming the field, before the engine computes anything.</summary>
public sealed class ApplicationValidatorBoundsTests
{
    [Fact]
    public void HugeIncome_HugeDeposits_TooManyVehicles_EachNamed()
    {
        var application = Builders.Applications.QingdaoDibao();
        application = application with
        {
            Incomes = [application.Incomes![0] with { MonthlyAmount = 5e27m }],
            Property = new PropertyRequest { Deposits = 79228162514264337593543950335m, Vehicles = 1000 },
        };

        var result = ApplicationValidator.Validate(application, Builders.Applications.Today);

        Assert.False(result.IsValid);
        var fields = result.Errors.Select(e => e.Field).ToArray();
        Assert.Contains("incomes[0].monthlyAmount", fields);
        Assert.Contains("property.deposits", fields);
        Assert.Contains("property.vehicles", fields);
    }

    [Fact]
    public void LargestAcceptedIncome_StillValidates()
    {
        var application = Builders.Applications.QingdaoDibao();
        application = application with { Incomes = [application.Incomes![0] with { MonthlyAmount = ApplicationValidator.MaxMonthlyAmount }] };

        var result = ApplicationValidator.Validate(application, Builders.Applications.Today);

        Assert.DoesNotContain(result.Errors, e => e.Field == "incomes[0].monthlyAmount");
    }
}
