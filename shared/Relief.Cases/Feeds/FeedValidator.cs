using System.Globalization;
using Relief.Domain.Households;
using Relief.Domain.Policies;
using Relief.Domain.Validation;

namespace Relief.Cases.Feeds;

/// <summary>
/// Validates an agency message and lists every problem at once, each naming its field: record id, resident ID number
/// (length, birth date and GB 11643 check character), dates (not in the future, not before 1900), codes, amounts to the
/// fen, jurisdictions known to the policy catalog. A valid message becomes a <see cref="FeedRecord"/>.
/// </summary>
public static class FeedValidator
{
    /// <summary>Longest record id accepted.</summary>
    public const int MaxRecordId = 100;

    /// <summary>The sources of a death notice.</summary>
    public static readonly IReadOnlyList<string> DeathSources = ["civil-registry", "hospital", "funeral-home"];

    /// <summary>The disability types (as in applications).</summary>
    public static readonly IReadOnlyList<string> DisabilityTypes = ["visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple"];

    /// <summary>The kinds of custody.</summary>
    public static readonly IReadOnlyList<string> CustodyKinds = ["imprisonment", "compulsoryRehabilitation"];

    /// <summary>Most children one custody notice may name.</summary>
    public const int MaxChildren = 20;

    /// <summary>Largest yuan amount accepted (self-pay, wage).</summary>
    public const decimal MaxAmount = 100_000_000m;

    /// <summary>A death notice.</summary>
    public static Validated<FeedRecord> Validate(DeathNoticeMessage m, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(m);
        var c = new Checks(today);
        string? id = c.RecordId(m.RecordId);
        ResidentIdNumber? person = c.Person(m.ResidentId);
        DateOnly? on = c.Date("dateOfDeath", m.DateOfDeath);
        string? source = c.Code("source", m.Source, DeathSources);
        return c.Result(() => new FeedRecord(FeedKind.Death, id!, person!, on!.Value) { Detail = source });
    }

    /// <summary>A disability registration.</summary>
    public static Validated<FeedRecord> Validate(DisabilityRegistrationMessage m, DateOnly today, IPolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(m);
        var c = new Checks(today);
        string? id = c.RecordId(m.RecordId);
        ResidentIdNumber? person = c.Person(m.ResidentId);
        JurisdictionCode? where = c.Jurisdiction("jurisdiction", m.Jurisdiction, catalog);
        string? type = c.Code("type", m.Type, DisabilityTypes);
        if (m.Grade is not (>= 1 and <= 4)) c.Add("grade", "grade: 1 (most severe) to 4.");
        DateOnly? on = c.Date("registeredOn", m.RegisteredOn);
        return c.Result(() => new FeedRecord(FeedKind.Disability, id!, person!, on!.Value) { Jurisdiction = where, Detail = type, Grade = m.Grade });
    }

    /// <summary>A year's medical self-pay.</summary>
    public static Validated<FeedRecord> Validate(MedicalSelfPayMessage m, DateOnly today, IPolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(m);
        var c = new Checks(today);
        string? id = c.RecordId(m.RecordId);
        ResidentIdNumber? person = c.Person(m.ResidentId);
        JurisdictionCode? where = c.Jurisdiction("jurisdiction", m.Jurisdiction, catalog);
        if (m.Year is not { } year || year < 2000 || year > today.Year) c.Add("year", $"year: the calendar year of the amount, 2000–{today.Year}.");
        decimal? amount = c.Amount("selfPaid", m.SelfPaid);
        DateOnly? asOf = c.Date("asOf", m.AsOf);
        if (asOf is { } d && m.Year is { } y && d.Year < y) c.Add("asOf", "asOf: the figure cannot be computed before its year began.");
        return c.Result(() => new FeedRecord(FeedKind.MedicalSelfPay, id!, person!, asOf!.Value) { Jurisdiction = where, Amount = amount, Year = m.Year });
    }

    /// <summary>A hukou move.</summary>
    public static Validated<FeedRecord> Validate(HukouMoveMessage m, DateOnly today, IPolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(m);
        var c = new Checks(today);
        string? id = c.RecordId(m.RecordId);
        ResidentIdNumber? person = c.Person(m.ResidentId);
        JurisdictionCode? from = c.Jurisdiction("fromJurisdiction", m.FromJurisdiction, catalog);
        JurisdictionCode? to = c.Jurisdiction("toJurisdiction", m.ToJurisdiction, catalog);
        if (from is not null && from == to) c.Add("toJurisdiction", "toJurisdiction: the same as fromJurisdiction; nothing moved.");
        DateOnly? on = c.Date("movedOn", m.MovedOn);
        return c.Result(() => new FeedRecord(FeedKind.HukouMove, id!, person!, on!.Value) { Jurisdiction = from, ToJurisdiction = to });
    }

    /// <summary>An imprisonment or compulsory rehabilitation.</summary>
    public static Validated<FeedRecord> Validate(CustodyNoticeMessage m, DateOnly today, IPolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(m);
        var c = new Checks(today);
        string? id = c.RecordId(m.RecordId);
        ResidentIdNumber? person = c.Person(m.ResidentId);
        JurisdictionCode? where = c.Jurisdiction("jurisdiction", m.Jurisdiction, catalog);
        string? kind = c.Code("kind", m.Kind, CustodyKinds);
        DateOnly? from = c.Date("from", m.From);
        if (m.Until is { } until && from is { } start && until < start) c.Add("until", "until: the expected release cannot precede the start.");
        var children = new List<ResidentIdNumber>();
        if (m.Children is { Count: > MaxChildren }) c.Add("children", $"children: at most {MaxChildren}.");
        for (int i = 0; i < Math.Min(m.Children?.Count ?? 0, MaxChildren); i++)
        {
            if (c.Person(m.Children![i], $"children[{i}]") is { } child)
            {
                if (child.AgeOn(today) >= 18) c.Add($"children[{i}]", $"children[{i}]: not a minor ({child.AgeOn(today)} years old).");
                else children.Add(child);
            }
        }

        return c.Result(() => new FeedRecord(FeedKind.Custody, id!, person!, from!.Value) { Jurisdiction = where, Detail = kind, Until = m.Until, Children = children });
    }

    /// <summary>A job placement.</summary>
    public static Validated<FeedRecord> Validate(JobPlacementMessage m, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(m);
        var c = new Checks(today);
        string? id = c.RecordId(m.RecordId);
        ResidentIdNumber? person = c.Person(m.ResidentId);
        DateOnly? on = c.Date("startedOn", m.StartedOn);
        decimal? wage = m.MonthlyWage is null ? null : c.Amount("monthlyWage", m.MonthlyWage);
        return c.Result(() => new FeedRecord(FeedKind.JobPlacement, id!, person!, on!.Value) { Amount = wage });
    }

    /// <summary>The checks of one message, collecting every error.</summary>
    private sealed class Checks(DateOnly today)
    {
        private readonly List<ValidationError> _errors = [];

        public void Add(string field, string message) => _errors.Add(new ValidationError(field, message));

        public string? RecordId(string? value)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxRecordId || value.Any(char.IsControl) || value.Contains('|', StringComparison.Ordinal))
            {
                Add("recordId", $"recordId: the agency's record id is required, 1–{MaxRecordId} characters, no control characters or '|'.");
                return null;
            }

            return value.Trim();
        }

        public ResidentIdNumber? Person(string? value, string field = "residentId")
        {
            var parsed = ResidentIdNumber.Parse(value, field, today);
            if (parsed.IsValid) return parsed.Value;
            _errors.AddRange(parsed.Errors);
            return null;
        }

        public DateOnly? Date(string field, DateOnly? value)
        {
            if (value is { } d && d <= today && d.Year >= 1900) return d;
            Add(field, $"{field}: a date (yyyy-MM-dd), not in the future and not before 1900.");
            return null;
        }

        public string? Code(string field, string? value, IReadOnlyList<string> allowed)
        {
            if (value is not null && allowed.Contains(value, StringComparer.Ordinal)) return value;
            Add(field, $"{field}: one of {string.Join(", ", allowed)}.");
            return null;
        }

        public decimal? Amount(string field, decimal? value)
        {
            if (value is { } v && v >= 0m && v <= MaxAmount && decimal.Round(v, 2) == v) return v;
            Add(field, string.Create(CultureInfo.InvariantCulture, $"{field}: yuan, 0–{MaxAmount}, to the fen."));
            return null;
        }

        public JurisdictionCode? Jurisdiction(string field, string? value, IPolicyCatalog catalog)
        {
            JurisdictionCode code;
            try
            {
                code = JurisdictionCode.Parse(value ?? string.Empty);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                Add(field, $"{field}: a jurisdiction code (jurisdiction or jurisdiction/area), e.g. qingdao/shinan.");
                return null;
            }

            if (catalog.Jurisdictions.Contains(code.Jurisdiction)) return code;
            Add(field, $"{field}: jurisdiction '{code.Jurisdiction}' is not configured ({string.Join(", ", catalog.Jurisdictions.Order(StringComparer.Ordinal))}).");
            return null;
        }

        public Validated<FeedRecord> Result(Func<FeedRecord> build) =>
            _errors.Count == 0 ? Validated<FeedRecord>.Valid(build()) : Validated<FeedRecord>.Invalid([.. _errors]);
    }
}
