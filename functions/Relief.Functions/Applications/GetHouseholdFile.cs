using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Relief.Cases.Storage;
using Relief.Functions.Identity;

namespace Relief.Functions.Applications;

/// <summary>
/// <c>GET /api/applications/{id}/household</c>: the application as filed (members, incomes, property, expenditures,
/// contact, payee) for the roles working on the case, ID numbers, phone and account masked for the roles that do not
/// need them (<see cref="PersonalData"/>). Every read is in the case's audit trail. 404 unknown case.
/// </summary>
public sealed class GetHouseholdFile(ICaseStore cases, CaseAccess access)
{
    [Function(nameof(GetHouseholdFile))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}/household")] HttpRequest request,
        string id,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        string? caseId = Problems.CaseId(id);
        var record = caseId is null ? null : await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null) return Problems.CaseNotFound(id ?? string.Empty);
        if (access.Check(request, record, nameof(GetHouseholdFile)) is { } forbidden) return forbidden;
        var application = await cases.GetApplicationAsync(record.CaseId, cancellationToken).ConfigureAwait(false);
        if (application is null) return Problems.CaseNotFound(record.CaseId);

        Caller caller = request.Caller();
        bool clear = PersonalData.SeesIdentity(caller.Role);
        await access.RecordAsync(record, caller, context.InvocationId,
            clear ? "Household file read (identity numbers in clear)." : "Household file read (identity numbers masked).", cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(PersonalData.For(caller.Role, application));
    }
}
