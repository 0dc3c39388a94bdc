using System.Globalization;
using System.Text.Json;
using Relief.Domain.Households;
using Relief.Domain.Money;

namespace Relief.Domain.Policies.Loading;

/// <summary>
/// Turns the text of one policy file into a <see cref="JurisdictionPolicy"/>, checking every
/// parameter for presence, range and consistency. Pure: the caller supplies the text.
/// </summary>
public static class PolicyFileParser
{
    private static readonly IncomeKind[] AlwaysCounted = [IncomeKind.Wages, IncomeKind.Business, IncomeKind.Property, IncomeKind.Transfer];

    /// <summary>Parses and validates; throws <see cref="PolicyLoadException"/> naming the file and each faulty parameter.</summary>
    public static JurisdictionPolicy Parse(string fileName, string json)
    {
        var errors = new List<PolicyLoadError>();
        JurisdictionPolicy? policy = TryParse(fileName, json, errors);
        if (errors.Count > 0 || policy is null)
        {
            throw new PolicyLoadException(errors);
        }

        return policy;
    }

    /// <summary>Parses and validates, adding problems to <paramref name="errors"/>; null when any were found.</summary>
    public static JurisdictionPolicy? TryParse(string fileName, string json, List<PolicyLoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        int before = errors.Count;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors.Add(new PolicyLoadError(fileName, ex.Path ?? "$", "is not valid JSON: " + ex.Message));
            return null;
        }

        using (document)
        {
            var r = new PolicyJsonReader(fileName, errors);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                r.Error("$", "the file must hold one JSON object.");
                return null;
            }

            string? id = r.String(root, string.Empty, "jurisdiction");
            string? name = r.String(root, string.Empty, "name");
            var dated = new List<(JsonElement Item, string Path, DateOnly Date)>();
            foreach ((JsonElement item, string path) in r.Array(root, string.Empty, "versions"))
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    r.Error(path, "must be a JSON object.");
                }
                else if (r.Date(item, path, "effectiveFrom") is { } date)
                {
                    dated.Add((item, path, date));
                }
            }

            if (r.Has(root, "versions") && root.GetProperty("versions").ValueKind == JsonValueKind.Array && root.GetProperty("versions").GetArrayLength() == 0)
            {
                r.Error("versions", "must hold at least one version.");
            }

            foreach (IGrouping<DateOnly, (JsonElement Item, string Path, DateOnly Date)> duplicate in dated.GroupBy(v => v.Date).Where(g => g.Count() > 1))
            {
                r.Error("versions", string.Create(CultureInfo.InvariantCulture, $"contradictory: {duplicate.Count()} versions take effect on {duplicate.Key:yyyy-MM-dd}."));
            }

            // Each version states what changes on its date; the figures in force are the versions so far, merged.
            var versions = new List<PolicyVersion>();
            var layers = new PolicyLayers();
            var ordered = dated.OrderBy(v => v.Date).ToArray();
            for (int i = 0; i < ordered.Length; i++)
            {
                (JsonElement item, string path, DateOnly date) = ordered[i];
                int errorsBefore = errors.Count;
                layers.Apply(item, date);
                string[] missing = RequiredFigures.Where(f => !layers.Has(f)).ToArray();

                // Only versions before a complete one may leave required figures unset: the latest must set them all.
                PolicyVersion? version = missing.Length == 0 || i == ordered.Length - 1
                    ? ParseVersion(r, layers.Snapshot(date), path, id ?? string.Empty, name ?? string.Empty, fileName, layers.Since)
                    : ParsePartialVersion(r, layers.Snapshot(date), path, date, missing);
                if (version is not null)
                {
                    versions.Add(version);
                }

                if (errors.Count > errorsBefore)
                {
                    break; // later versions build on this one and would only repeat its errors
                }
            }

            if (errors.Count > before || id is null || name is null)
            {
                return null;
            }

            return new JurisdictionPolicy(id, name, fileName, versions.OrderBy(v => v.EffectiveFrom).ToArray());
        }
    }

    /// <summary>What a version must hold, itself or from an earlier version, for dibao and tekun decisions.</summary>
    private static readonly string[] RequiredFigures = ["minimumWage", "dibao", "procedure"];

    /// <summary>
    /// A version in force before the jurisdiction's file sets every required figure (e.g. a temporary-assistance
    /// cap dated before the first dibao standards): its sections are checked, and a lookup on a date it covers
    /// answers "not configured", naming the figures missing.
    /// </summary>
    private static PolicyVersion? ParsePartialVersion(PolicyJsonReader r, JsonElement v, string path, DateOnly effectiveFrom, string[] missing)
    {
        bool valid = true;
        if (r.Object(v, path, "temporary", required: false) is { } t)
        {
            valid &= ParseTemporary(r, t, PolicyJsonReader.Join(path, "temporary")) is not null;
        }

        if (r.Object(v, path, "tekun", required: false) is { } k)
        {
            valid &= ParseTekun(r, k, PolicyJsonReader.Join(path, "tekun")).Valid;
        }

        if (r.Object(v, path, "rigidExpenditureHousehold", required: false) is { } g)
        {
            valid &= ParseRigid(r, g, PolicyJsonReader.Join(path, "rigidExpenditureHousehold")) is not null;
        }

        if (r.Object(v, path, "discovery", required: false) is { } s)
        {
            valid &= ParseDiscovery(r, s, PolicyJsonReader.Join(path, "discovery")) is not null;
        }

        return valid ? new PolicyVersion(effectiveFrom, new Dictionary<string, PolicyParameters>(StringComparer.Ordinal)) { Missing = missing } : null;
    }

    private static PolicyVersion? ParseVersion(PolicyJsonReader r, JsonElement v, string path, string id, string name, string file, IReadOnlyDictionary<string, DateOnly> since)
    {
        DateOnly? effectiveFrom = r.Date(v, path, "effectiveFrom");
        decimal? minimumWage = r.Decimal(v, path, "minimumWage", 0m, 100_000m, minExclusive: true);
        JsonElement? dibao = r.Object(v, path, "dibao");
        JsonElement? temporary = r.Object(v, path, "temporary", required: false);
        JsonElement? procedure = r.Object(v, path, "procedure");
        JsonElement? tekun = r.Object(v, path, "tekun", required: false);
        JsonElement? rigid = r.Object(v, path, "rigidExpenditureHousehold", required: false);
        JsonElement? discovery = r.Object(v, path, "discovery", required: false);

        string dibaoPath = PolicyJsonReader.Join(path, "dibao");
        Dictionary<string, (decimal Urban, decimal Rural, string Basis)> standards = dibao is { } d
            ? ParseStandards(r, d, dibaoPath, minimumWage)
            : [];
        DibaoParameters? dibaoTemplate = dibao is { } dd ? ParseDibao(r, dd, dibaoPath) : null;
        TemporaryAssistanceParameters? temp = temporary is { } t ? ParseTemporary(r, t, PolicyJsonReader.Join(path, "temporary")) : null;
        ProcedureLimits? limits = procedure is { } p ? ParseProcedure(r, p, PolicyJsonReader.Join(path, "procedure"), id) : null;
        (bool tekunValid, TekunParameters? tekunParameters, TekunCriteria tekunCriteria) = tekun is { } k ? ParseTekun(r, k, PolicyJsonReader.Join(path, "tekun")) : (true, null, TekunCriteria.National);
        RigidExpenditureHouseholdParameters? rigidParameters = rigid is { } g ? ParseRigid(r, g, PolicyJsonReader.Join(path, "rigidExpenditureHousehold")) : null;
        DiscoveryParameters? discoveryParameters = discovery is { } s ? ParseDiscovery(r, s, PolicyJsonReader.Join(path, "discovery")) : DiscoveryParameters.Seeds;

        if (effectiveFrom is null || minimumWage is null || dibaoTemplate is null || (temporary is not null && temp is null) || limits is null
            || !tekunValid || (rigid is not null && rigidParameters is null) || discoveryParameters is null || standards.Count == 0)
        {
            return null;
        }

        var areas = new Dictionary<string, PolicyParameters>(StringComparer.Ordinal);
        foreach ((string area, (decimal urban, decimal rural, string basis)) in standards)
        {
            areas[area] = new PolicyParameters
            {
                Jurisdiction = id,
                Area = area == PolicyCatalog.AllAreas ? null : area,
                Name = name,
                SourceFile = file,
                EffectiveFrom = effectiveFrom.Value,
                MinimumWage = minimumWage.Value,
                Dibao = dibaoTemplate with { UrbanStandard = urban, RuralStandard = rural, StandardBasis = basis },
                Tekun = tekunParameters,
                TekunCriteria = tekunCriteria,
                FigureSince = since,
                Temporary = temp,
                RigidExpenditureHousehold = rigidParameters,
                Discovery = discoveryParameters,
                Procedure = limits,
            };
        }

        return new PolicyVersion(effectiveFrom.Value, areas);
    }

    private static Dictionary<string, (decimal Urban, decimal Rural, string Basis)> ParseStandards(PolicyJsonReader r, JsonElement dibao, string path, decimal? minimumWage)
    {
        var result = new Dictionary<string, (decimal, decimal, string)>(StringComparer.Ordinal);
        bool hasFixed = r.Has(dibao, "standards");
        bool hasShare = r.Has(dibao, "standardShareOfMinimumWage");
        if (hasFixed == hasShare)
        {
            r.Error(PolicyJsonReader.Join(path, "standards"), hasFixed
                ? "contradictory: give either standards or standardShareOfMinimumWage, not both."
                : "is missing (give standards, or standardShareOfMinimumWage).");
            return result;
        }

        if (hasShare)
        {
            string sharePath = PolicyJsonReader.Join(path, "standardShareOfMinimumWage");
            JsonElement share = dibao.GetProperty("standardShareOfMinimumWage");
            decimal? value = r.Decimal(share, sharePath, "share", 0m, 1m, minExclusive: true);
            decimal? min = r.Decimal(share, sharePath, "min", 0m, 1m);
            decimal? max = r.Decimal(share, sharePath, "max", 0m, 1m);
            if (value is null || min is null || max is null || minimumWage is null)
            {
                return result;
            }

            if (min > max || value < min || value > max)
            {
                r.Error(PolicyJsonReader.Join(sharePath, "share"), string.Create(CultureInfo.InvariantCulture, $"contradictory: share {value} is outside the allowed range {min}–{max}."));
                return result;
            }

            decimal standard = MoneyRounding.ToFen(value.Value * minimumWage.Value);
            string basis = string.Create(CultureInfo.InvariantCulture, $"{value.Value:P0} of the minimum wage {minimumWage.Value:0.00} (最低工资标准)");
            result[PolicyCatalog.AllAreas] = (standard, standard, basis);
            return result;
        }

        foreach ((JsonElement entry, string entryPath) in r.Array(dibao, path, "standards"))
        {
            decimal? urban = r.Decimal(entry, entryPath, "urban", 0m, 100_000m, minExclusive: true);
            decimal? rural = r.Decimal(entry, entryPath, "rural", 0m, 100_000m, minExclusive: true);
            IReadOnlyList<(JsonElement Item, string Path)> areas = r.Array(entry, entryPath, "areas");
            if (areas.Count == 0)
            {
                r.Error(PolicyJsonReader.Join(entryPath, "areas"), "must name at least one area (or \"*\").");
            }

            foreach ((JsonElement area, string areaPath) in areas)
            {
                string? code = area.ValueKind == JsonValueKind.String ? area.GetString()?.Trim().ToLowerInvariant() : null;
                if (string.IsNullOrEmpty(code))
                {
                    r.Error(areaPath, "must be a non-empty string.");
                }
                else if (result.ContainsKey(code))
                {
                    r.Error(areaPath, $"contradictory: area '{code}' has more than one standard.");
                }
                else if (urban is not null && rural is not null)
                {
                    result[code] = (urban.Value, rural.Value, "fixed standard (固定标准)");
                }
            }
        }

        return result;
    }

    private static DibaoParameters? ParseDibao(PolicyJsonReader r, JsonElement d, string path)
    {
        BenefitMode? mode = r.Enum<BenefitMode>(d, path, "benefitMode");
        var tiers = new List<DibaoTier>();
        string tiersPath = PolicyJsonReader.Join(path, "tiers");
        foreach ((JsonElement t, string tPath) in r.Array(d, path, "tiers", required: mode == BenefitMode.Tiers))
        {
            string? tierName = r.String(t, tPath, "name");
            decimal? below = r.Decimal(t, tPath, "incomeBelowShareOfStandard", 0m, 1m, minExclusive: true);
            decimal? share = r.Decimal(t, tPath, "benefitShareOfStandard", 0m, 1m, minExclusive: true);
            if (tierName is not null && below is not null && share is not null)
            {
                tiers.Add(new DibaoTier(tierName, below.Value, share.Value));
            }
        }

        if (mode == BenefitMode.Difference && tiers.Count > 0)
        {
            r.Error(tiersPath, "contradictory: tiers are given but benefitMode is difference.");
        }

        if (mode == BenefitMode.Tiers)
        {
            for (int i = 1; i < tiers.Count; i++)
            {
                if (tiers[i].IncomeBelowShareOfStandard <= tiers[i - 1].IncomeBelowShareOfStandard)
                {
                    r.Error(string.Create(CultureInfo.InvariantCulture, $"{tiersPath}[{i}].incomeBelowShareOfStandard"), "contradictory: income bounds must rise from tier to tier.");
                }

                if (tiers[i].BenefitShareOfStandard > tiers[i - 1].BenefitShareOfStandard)
                {
                    r.Error(string.Create(CultureInfo.InvariantCulture, $"{tiersPath}[{i}].benefitShareOfStandard"), "contradictory: a tier for higher income may not pay a larger share.");
                }
            }

            if (tiers.Count > 0 && tiers[^1].IncomeBelowShareOfStandard != 1m)
            {
                r.Error(string.Create(CultureInfo.InvariantCulture, $"{tiersPath}[{tiers.Count - 1}].incomeBelowShareOfStandard"), "the last tier must reach 1 (the whole standard) so every eligible household has a tier.");
            }
        }

        JsonElement? property = r.Object(d, path, "propertyLimits");
        string propertyPath = PolicyJsonReader.Join(path, "propertyLimits");
        decimal? assetsMonths = property is { } p1 ? r.Decimal(p1, propertyPath, "financialAssetsPerCapitaMonths", 0m, 1200m) : null;
        int? vehicles = property is { } p2 ? r.Int(p2, propertyPath, "maxVehicles", 0, 100) : null;
        int? dwellings = property is { } p3 ? r.Int(p3, propertyPath, "maxDwellings", 0, 100) : null;

        EmploymentCostDeduction? deduction = null;
        JsonElement? ded = r.Object(d, path, "employmentCostDeduction", required: false);
        if (ded is { } e)
        {
            string dPath = PolicyJsonReader.Join(path, "employmentCostDeduction");
            decimal? rate = r.Decimal(e, dPath, "rate", 0m, 1m, minExclusive: true);
            DeductionBase? basis = r.Enum<DeductionBase>(e, dPath, "base");
            if (rate is not null && basis is not null)
            {
                deduction = new EmploymentCostDeduction(rate.Value, basis.Value);
            }
        }

        bool? deductRigid = r.Bool(d, path, "deductRigidExpenditure");
        var notCounted = new HashSet<IncomeKind>();
        foreach ((JsonElement k, string kPath) in r.Array(d, path, "notCountedIncomeKinds"))
        {
            IncomeKind? kind = k.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(k.GetString())
                ? r.ParseEnum<IncomeKind>(k.GetString()!, kPath)
                : null;
            if (kind is null)
            {
                if (k.ValueKind != JsonValueKind.String)
                {
                    r.Error(kPath, "must be an income kind name.");
                }
            }
            else if (AlwaysCounted.Contains(kind.Value))
            {
                r.Error(kPath, $"contradictory: {kind} is income that must be counted (社会救助暂行办法 Art. 13).");
            }
            else
            {
                notCounted.Add(kind.Value);
            }
        }

        JsonElement? single = r.Object(d, path, "singlePerson");
        string singlePath = PolicyJsonReader.Join(path, "singlePerson");
        decimal? threshold = single is { } s1 ? r.Decimal(s1, singlePath, "incomeThresholdMultiple", 1m, 10m) : null;
        decimal? minShare = single is { } s2 ? r.Decimal(s2, singlePath, "minimumShareOfStandard", 0m, 1m) : null;
        SinglePersonCondition? singleCondition = single is { } s3 && s3.TryGetProperty("condition", out _)
            ? r.Enum<SinglePersonCondition>(s3, singlePath, "condition")
            : SinglePersonCondition.SevereDisabilityOrIllnessWithMedicalAssistance;
        decimal? marginal = r.Decimal(d, path, "marginalMultiple", 1m, 10m, minExclusive: true);
        int? exitMonths = r.Int(d, path, "gradualExitMonths", 0, 6);

        JsonElement? review = r.Object(d, path, "review");
        string reviewPath = PolicyJsonReader.Join(path, "review");
        int? stable = review is { } v1 ? r.Int(v1, reviewPath, "stableMonths", 1, 24) : null;
        int? irregular = review is { } v2 ? r.Int(v2, reviewPath, "irregularMonths", 1, 24) : null;
        if (stable is not null && irregular is not null && irregular > stable)
        {
            r.Error(PolicyJsonReader.Join(reviewPath, "irregularMonths"), "contradictory: households with irregular income are reviewed at least as often as stable ones.");
        }

        if (mode is null || assetsMonths is null || vehicles is null || dwellings is null || deductRigid is null || threshold is null
            || minShare is null || singleCondition is null || marginal is null || exitMonths is null || stable is null || irregular is null)
        {
            return null;
        }

        return new DibaoParameters
        {
            UrbanStandard = 0m,
            RuralStandard = 0m,
            StandardBasis = string.Empty,
            BenefitMode = mode.Value,
            Tiers = tiers,
            PropertyLimits = new PropertyLimits(assetsMonths.Value, vehicles.Value, dwellings.Value),
            EmploymentCostDeduction = deduction,
            DeductRigidExpenditure = deductRigid.Value,
            NotCountedIncomeKinds = notCounted,
            SinglePerson = new SinglePersonRule(threshold.Value, minShare.Value, singleCondition.Value),
            MarginalMultiple = marginal.Value,
            GradualExitMonths = exitMonths.Value,
            ReviewMonthsStable = stable.Value,
            ReviewMonthsIrregular = irregular.Value,
        };
    }

    /// <summary>
    /// The tekun section: local ages (each optional, national otherwise) and, as a group, the amounts and review
    /// cadence — a jurisdiction may set its ages without amounts (seed 002: Qiaoxi covers minors to 18).
    /// </summary>
    private static (bool Valid, TekunParameters? Amounts, TekunCriteria Criteria) ParseTekun(PolicyJsonReader r, JsonElement t, string path)
    {
        int? minorAge = r.Has(t, "minorAgeLimit") ? r.Int(t, path, "minorAgeLimit", 1, 30) : TekunCriteria.NationalMinorAgeLimit;
        int? elderly = r.Has(t, "elderlyAge") ? r.Int(t, path, "elderlyAge", 40, 100) : TekunCriteria.NationalElderlyAge;
        bool local = r.Has(t, "minorAgeLimit") || r.Has(t, "elderlyAge");
        if (minorAge is null || elderly is null)
        {
            return (false, null, TekunCriteria.National);
        }

        var criteria = new TekunCriteria(elderly.Value, minorAge.Value, local);
        string[] amountFields = ["basicMultipleOfDibaoStandard", "careSharesOfMinimumWage", "institutionalMultiple", "reviewMonths"];
        if (!amountFields.Any(f => r.Has(t, f)))
        {
            return (true, null, criteria);
        }

        decimal? basic = r.Decimal(t, path, "basicMultipleOfDibaoStandard", 1m, 10m);
        JsonElement? care = r.Object(t, path, "careSharesOfMinimumWage");
        string carePath = PolicyJsonReader.Join(path, "careSharesOfMinimumWage");
        decimal? self = care is { } c1 ? r.Decimal(c1, carePath, "selfCare", 0m, 5m) : null;
        decimal? partial = care is { } c2 ? r.Decimal(c2, carePath, "partialCare", 0m, 5m) : null;
        decimal? full = care is { } c3 ? r.Decimal(c3, carePath, "fullCare", 0m, 5m) : null;
        if (self is not null && partial is not null && full is not null && !(self <= partial && partial <= full))
        {
            r.Error(carePath, "contradictory: care shares must not fall from self-care to partial care to full care.");
        }

        decimal? institutional = r.Decimal(t, path, "institutionalMultiple", 1m, 10m);
        int? reviewMonths = r.Int(t, path, "reviewMonths", 1, 24);
        if (basic is null || self is null || partial is null || full is null || institutional is null || reviewMonths is null)
        {
            return (false, null, criteria);
        }

        return (true, new TekunParameters
        {
            BasicMultipleOfDibaoStandard = basic.Value,
            SelfCareShareOfMinimumWage = self.Value,
            PartialCareShareOfMinimumWage = partial.Value,
            FullCareShareOfMinimumWage = full.Value,
            InstitutionalMultiple = institutional.Value,
            ReviewMonths = reviewMonths.Value,
        }, criteria);
    }

    private static TemporaryAssistanceParameters? ParseTemporary(PolicyJsonReader r, JsonElement t, string path)
    {
        decimal? band = r.Decimal(t, path, "bandShare", 0m, 0.99m);
        decimal? cap = r.Decimal(t, path, "yearlyCapPerHousehold", 0m, 10_000_000m, minExclusive: true);
        decimal? advance = r.Decimal(t, path, "smallAdvanceLimit", 0m, 10_000_000m);
        int? hours = r.Int(t, path, "advanceReliefHours", 1, 720);
        if (cap is not null && advance is not null && advance > cap)
        {
            r.Error(PolicyJsonReader.Join(path, "smallAdvanceLimit"), "contradictory: the small-amount advance limit exceeds the yearly cap.");
        }

        if (band is null || cap is null || advance is null || hours is null)
        {
            return null;
        }

        return new TemporaryAssistanceParameters { BandShare = band.Value, YearlyCapPerHousehold = cap.Value, SmallAdvanceLimit = advance.Value, AdvanceReliefHours = hours.Value };
    }

    private static DiscoveryParameters? ParseDiscovery(PolicyJsonReader r, JsonElement s, string path)
    {
        decimal? threshold = r.Decimal(s, path, "medicalSelfPayYearlyThreshold", 0m, 10_000_000m, minExclusive: true);
        int? days = r.Int(s, path, "leadVisitWorkingDays", 1, 60);
        return threshold is null || days is null
            ? null
            : new DiscoveryParameters { MedicalSelfPayYearlyThreshold = threshold.Value, LeadVisitWorkingDays = days.Value, Local = true };
    }

    private static RigidExpenditureHouseholdParameters? ParseRigid(PolicyJsonReader r, JsonElement g, string path)
    {
        DateOnly? from = r.Date(g, path, "effectiveFrom");
        decimal? income = r.Decimal(g, path, "perCapitaDisposableIncomeLastYear", 0m, 10_000_000m, minExclusive: true);
        decimal? ratio = r.Decimal(g, path, "expenditureToIncomeRatio", 0m, 10m, minExclusive: true);
        int? validity = r.Int(g, path, "validityMonths", 1, 12);
        if (from is null || income is null || ratio is null || validity is null)
        {
            return null;
        }

        return new RigidExpenditureHouseholdParameters { EffectiveFrom = from.Value, PerCapitaDisposableIncomeLastYear = income.Value, ExpenditureToIncomeRatio = ratio.Value, ValidityMonths = validity.Value };
    }

    /// <summary>The only jurisdiction whose procedure may set <c>rehearsalSecondsPerDay</c> (演练).</summary>
    public const string RehearsalJurisdiction = "rehearsal";

    private static ProcedureLimits? ParseProcedure(PolicyJsonReader r, JsonElement p, string path, string jurisdiction)
    {
        int? start = r.Int(p, path, "investigationStartWorkingDays", 1, 60);
        int? county = r.Int(p, path, "countyDecisionWorkingDays", 1, 60);
        int? overall = r.Int(p, path, "overallWorkingDays", 1, 120);
        int? extended = r.Int(p, path, "extendedWorkingDays", 1, 120);
        int? notice = r.Int(p, path, "publicNoticeDays", 1, 60);
        int? rehearsal = null;
        if (p.TryGetProperty("rehearsalSecondsPerDay", out var rehearsalValue) && rehearsalValue.ValueKind != JsonValueKind.Null)
        {
            rehearsal = r.Int(p, path, "rehearsalSecondsPerDay", 1, 3600);
            if (rehearsal is not null && jurisdiction != RehearsalJurisdiction)
            {
                rehearsal = null;
                r.Error(PolicyJsonReader.Join(path, "rehearsalSecondsPerDay"), $"only the rehearsal jurisdiction '{RehearsalJurisdiction}' may count days in seconds.");
            }
        }
        if (start is not null && county is not null && overall is not null && extended is not null)
        {
            if (start > overall || county > overall)
            {
                r.Error(PolicyJsonReader.Join(path, "overallWorkingDays"), "contradictory: shorter than one of its steps.");
            }

            if (extended < overall)
            {
                r.Error(PolicyJsonReader.Join(path, "extendedWorkingDays"), "contradictory: the extended limit is shorter than the normal one.");
            }
        }

        if (start is null || county is null || overall is null || extended is null || notice is null)
        {
            return null;
        }

        return new ProcedureLimits { InvestigationStartWorkingDays = start.Value, CountyDecisionWorkingDays = county.Value, OverallWorkingDays = overall.Value, ExtendedWorkingDays = extended.Value, PublicNoticeDays = notice.Value, RehearsalSecondsPerDay = rehearsal };
    }
}
