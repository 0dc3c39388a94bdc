using Relief.Domain.Calendar;
using Relief.Domain.Calendar.Loading;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;

namespace Relief.Cases.Tests.Builders;

/// <summary>The policy files and calendars shipped with Relief.Domain, loaded once.</summary>
internal static class ShippedData
{
    private static readonly Lazy<PolicyCatalog> LazyCatalog = new(() => PolicyFileLoader.LoadShippedAsync(CancellationToken.None).GetAwaiter().GetResult());
    private static readonly Lazy<WorkingDayCalendar> LazyCalendar = new(() => CalendarFileLoader.LoadShippedAsync(CancellationToken.None).GetAwaiter().GetResult());

    public static PolicyCatalog Catalog => LazyCatalog.Value;

    public static WorkingDayCalendar Calendar => LazyCalendar.Value;

    public static PolicyParameters Policy(string jurisdiction, DateOnly date) =>
        Catalog.Find(JurisdictionCode.Parse(jurisdiction), date).GetOrThrow();
}
