namespace Relief.Identity;

/// <summary>The claims Relief reads from a token (names as in the JWT, not mapped to .NET claim types).</summary>
public static class ReliefClaims
{
    /// <summary>The operator's or citizen's id at the identity provider (never a name, phone or ID number).</summary>
    public const string Subject = "sub";

    /// <summary>The roles (<see cref="ReliefRoles"/>), one claim per role or a JSON array.</summary>
    public const string Roles = "roles";

    /// <summary>Jurisdictions a staff member acts for (辖区), e.g. <c>qingdao/shinan</c>; <c>qingdao</c> covers every area of Qingdao.</summary>
    public const string Area = "area";

    /// <summary>A department officer's department (e.g. <c>Medical</c>), the addressee of transfers (转办).</summary>
    public const string Department = "department";
}
