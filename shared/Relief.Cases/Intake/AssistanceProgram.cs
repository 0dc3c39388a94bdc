namespace Relief.Cases.Intake;

/// <summary>The program applied for (救助项目). Its wire code is given by <see cref="AssistancePrograms"/>.</summary>
public enum AssistanceProgram
{
    /// <summary>Minimum living guarantee (最低生活保障, 低保) — code <c>dibao</c>.</summary>
    Dibao,

    /// <summary>Extreme-poverty support (特困人员救助供养) — code <c>tekun</c>.</summary>
    Tekun,

    /// <summary>Emergency-type temporary assistance (急难型临时救助) — code <c>temporary-emergency</c>.</summary>
    TemporaryEmergency,

    /// <summary>Expenditure-type temporary assistance (支出型临时救助) — code <c>temporary-expenditure</c>.</summary>
    TemporaryExpenditure,
}

/// <summary>The wire codes of <see cref="AssistanceProgram"/> and the rules that depend on the program.</summary>
public static class AssistancePrograms
{
    /// <summary>Every accepted program code, in order.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["dibao", "tekun", "temporary-emergency", "temporary-expenditure"];

    /// <summary>The wire code, e.g. <c>temporary-emergency</c> (also used as <see cref="Payments.PaymentInstruction.Program"/>).</summary>
    public static string ToCode(this AssistanceProgram program) => program switch
    {
        AssistanceProgram.Dibao => "dibao",
        AssistanceProgram.Tekun => "tekun",
        AssistanceProgram.TemporaryEmergency => "temporary-emergency",
        AssistanceProgram.TemporaryExpenditure => "temporary-expenditure",
        _ => throw new ArgumentOutOfRangeException(nameof(program), program, "Unknown program."),
    };

    /// <summary>Parses a wire code (case-insensitive, trimmed).</summary>
    public static bool TryParse(string? code, out AssistanceProgram program)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "dibao": program = AssistanceProgram.Dibao; return true;
            case "tekun": program = AssistanceProgram.Tekun; return true;
            case "temporary-emergency": program = AssistanceProgram.TemporaryEmergency; return true;
            case "temporary-expenditure": program = AssistanceProgram.TemporaryExpenditure; return true;
            default: program = default; return false;
        }
    }

    /// <summary>True for the two temporary-assistance types (临时救助).</summary>
    public static bool IsTemporary(this AssistanceProgram program) =>
        program is AssistanceProgram.TemporaryEmergency or AssistanceProgram.TemporaryExpenditure;

    /// <summary>
    /// True when the program needs the applicant's consent to economic verification (家庭经济状况核对授权):
    /// dibao, tekun and expenditure type. The emergency type has no economic verification (seed 000).
    /// </summary>
    public static bool RequiresEconomicVerification(this AssistanceProgram program) => program != AssistanceProgram.TemporaryEmergency;
}
