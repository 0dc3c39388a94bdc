using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Payments;
using Relief.Cases.Storage.Reviews;
using Relief.Domain.Calendar;
using Relief.Domain.Policies;
using Relief.Functions.Applications;

using Relief.Functions.Http;
using Relief.Functions.Identity;

namespace Relief.Functions.Reviews;

/// <summary>
/// <c>GET /api/reviews?jurisdiction=qingdao/shinan&amp;due=2027-03&amp;overdue=true</c>: the review work list (核查工作台)
/// of a jurisdiction (and the districts under it), sorted by due date. <c>due</c> is a month (default: this month);
/// <c>overdue=true</c> keeps the undecided reviews past their due date, over the 12 months up to <c>due</c>. One
/// partition query per month read. 400 names a bad or unknown parameter.
/// </summary>
public sealed class ListReviews(ReviewStore reviews, IPolicyCatalog catalog, TimeProvider time)
{
    /// <summary>Months an overdue query looks back over.</summary>
    public const int OverdueMonths = 12;

    [Function(nameof(ListReviews))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reviews")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryParameters.Unknown(request, "jurisdiction", "due", "overdue") is { } unknown) return unknown;
        DateTimeOffset now = time.GetUtcNow();
        string? jurisdiction = request.Query["jurisdiction"];
        string? dueText = request.Query["due"];
        string? overdueText = request.Query["overdue"];
        if (string.IsNullOrWhiteSpace(jurisdiction) || !catalog.Jurisdictions.Any(j => j == jurisdiction || j.StartsWith(jurisdiction + "/", StringComparison.Ordinal) || jurisdiction.StartsWith(j + "/", StringComparison.Ordinal)))
        {
            return Problems.Field("jurisdiction", $"is required and must be a configured jurisdiction ({string.Join(", ", catalog.Jurisdictions)}).");
        }

        Caller caller = request.Caller();
        if (!caller.Covers(jurisdiction) && !caller.Areas.Any(a => a.StartsWith(jurisdiction + "/", StringComparison.OrdinalIgnoreCase)))
        {
            return CallerAccess.Forbidden($"Jurisdiction '{jurisdiction}' is outside your areas ({string.Join(", ", caller.Areas)}).");
        }

        PayPeriod due = PayPeriod.Of(ChinaStandardTime.DateOf(now));
        if (dueText is not null && !PayPeriod.TryParse(dueText, out due))
        {
            return Problems.Field("due", $"'{dueText}' is not a month in yyyy-MM form.");
        }

        bool overdue = false;
        if (overdueText is not null && !bool.TryParse(overdueText, out overdue))
        {
            return Problems.Field("overdue", "must be true or false.");
        }

        var months = new List<PayPeriod> { due };
        if (overdue)
        {
            for (int i = 1; i < OverdueMonths; i++) months.Insert(0, months[0].Previous);
        }

        var list = new List<ReviewView>();
        foreach (PayPeriod month in months)
        {
            await foreach (var review in reviews.WorkListAsync(jurisdiction, month, cancellationToken).ConfigureAwait(false))
            {
                if (!caller.Covers(review.Jurisdiction)) continue; // a district's staff listing the city see their district
                var view = ReviewView.From(review, now);
                if (!overdue || view.Overdue) list.Add(view);
            }
        }

        return TypedResults.Ok(new { jurisdiction, due = due.ToString(), overdue, count = list.Count, reviews = list });
    }
}
