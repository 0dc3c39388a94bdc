using Relief.Cases.Payments;

namespace Relief.Cases.Statistics;

/// <summary>
/// A fact to count once (统计事件): what happened, where, in which month, and by how much each figure grows.
/// <see cref="Key"/> makes it idempotent: the same key counted twice counts once, so whoever reports an event may
/// report it again after a crash or a retry.
/// </summary>
/// <param name="Key">Unique per fact, e.g. <c>case|{caseId}|decided</c>.</param>
/// <param name="Jurisdiction">The jurisdiction (district) code, e.g. <c>qingdao/shinan</c>.</param>
/// <param name="Program">Program code (<c>dibao</c>, <c>tekun</c>, <c>temporary</c>).</param>
/// <param name="Month">The month it counts in (China time).</param>
/// <param name="Increments">How much each figure grows; no negative values.</param>
public sealed record StatisticsEvent(string Key, string Jurisdiction, string Program, PayPeriod Month, IReadOnlyDictionary<StatisticsMetric, long> Increments)
{
    /// <summary>The longest key accepted (it becomes a table row key).</summary>
    public const int MaxKeyLength = 300;

    /// <summary>An event adding one to a single figure.</summary>
    public static StatisticsEvent One(string key, string jurisdiction, string program, PayPeriod month, StatisticsMetric metric) =>
        new(key, jurisdiction, program, month, new Dictionary<StatisticsMetric, long> { [metric] = 1 });

    /// <summary>Throws when the event cannot be counted.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Key) || Key.Length > MaxKeyLength || Key.Any(char.IsControl))
        {
            throw new ArgumentException($"A statistics key is 1–{MaxKeyLength} characters without control characters: '{Key}'.", nameof(Key));
        }

        if (string.IsNullOrWhiteSpace(Jurisdiction) || string.IsNullOrWhiteSpace(Program))
        {
            throw new ArgumentException("A statistics event names its jurisdiction and program.", nameof(Jurisdiction));
        }

        if (Increments.Count == 0 || Increments.Values.Any(v => v < 0))
        {
            throw new ArgumentException($"A statistics event adds something and nothing negative ({Key}).", nameof(Increments));
        }
    }
}

/// <summary>Yuan as whole fen for counting.</summary>
public static class Fen
{
    /// <summary>The amount in fen; the amount must already be to the fen (amounts are rounded once, where decided).</summary>
    /// <exception cref="ArgumentException">The amount has a fraction of a fen.</exception>
    public static long Of(decimal yuan)
    {
        decimal fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new ArgumentException($"{yuan} yuan is not to the fen.", nameof(yuan));
        }

        return (long)fen;
    }
}
