namespace Workbench.Domain.Health;

/// <summary>The seven risk domains of the 基本チェックリスト (MHLW criteria for 事業対象者).</summary>
[Flags]
public enum ChecklistDomains
{
    None = 0,

    /// <summary>生活機能全般: 10 or more of items 1–20.</summary>
    LifeFunction = 1,

    /// <summary>運動器: 3 or more of items 6–10.</summary>
    Motor = 2,

    /// <summary>栄養: both items 11 and 12.</summary>
    Nutrition = 4,

    /// <summary>口腔: 2 or more of items 13–15.</summary>
    Oral = 8,

    /// <summary>閉じこもり: item 16.</summary>
    Housebound = 16,

    /// <summary>認知: 1 or more of items 18–20.</summary>
    Cognitive = 32,

    /// <summary>うつ: 2 or more of items 21–25.</summary>
    Depression = 64,
}

/// <summary>Frailty from the total of all 25 items (Satake et al., 2016).</summary>
public enum FrailtyBand
{
    Robust,
    PreFrail,
    Frail,
}

/// <summary>A scored answer set: the 25 item scores (1 = points to risk), the domains that fire and the frailty band.</summary>
public sealed record ChecklistResult(IReadOnlyList<int> ItemScores, ChecklistDomains Domains, FrailtyBand Frailty)
{
    public int Total => ItemScores.Sum();

    public bool Has(ChecklistDomains domain) => (Domains & domain) == domain;
}

/// <summary>
/// 基本チェックリスト scoring (DOMAIN.md, Health): which answer of each item points to risk, item 12 from the BMI, the
/// seven domains and the frailty band. Pure functions; the thresholds come from <see cref="ChecklistCriteria"/>, whose
/// defaults are the MHLW and Satake et al. values.
/// </summary>
public static class ChecklistScoring
{
    public const int ItemCount = 25;

    private static readonly ChecklistCriteria Defaults = new();

    /// <summary>Items where はい points to risk; on the others いいえ does (items 1–8, 16, 19). Item 12 is the BMI.</summary>
    private static readonly HashSet<int> YesIsRisk = [9, 10, 11, 13, 14, 15, 17, 18, 20, 21, 22, 23, 24, 25];

    /// <summary>The item's score for a はい (true) or いいえ (false) answer.</summary>
    public static int ScoreOfAnswer(int item, bool yes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(item, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(item, ItemCount);
        if (item == 12)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item, "Item 12 is scored from the BMI, not from an answer.");
        }

        return YesIsRisk.Contains(item) == yes ? 1 : 0;
    }

    /// <summary>BMI = weight (kg) / height (m)².</summary>
    public static double Bmi(double heightCm, double weightKg) => weightKg / Math.Pow(heightCm / 100.0, 2);

    /// <summary>Item 12: 1 when the BMI is below 18.5 (or the configured value).</summary>
    public static int ScoreOfBmi(double bmi, ChecklistCriteria? criteria = null) => bmi < (criteria ?? Defaults).LowBmi ? 1 : 0;

    public static FrailtyBand FrailtyOf(int total, ChecklistCriteria? criteria = null)
    {
        var c = criteria ?? Defaults;
        return total >= c.FrailFrom ? FrailtyBand.Frail : total >= c.PreFrailFrom ? FrailtyBand.PreFrail : FrailtyBand.Robust;
    }

    /// <param name="itemScores">The 25 item scores in order (items 1–25), each 0 or 1.</param>
    /// <param name="criteria">The thresholds; by default DOMAIN.md's.</param>
    public static ChecklistResult Score(IReadOnlyList<int> itemScores, ChecklistCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(itemScores);
        var c = criteria ?? Defaults;
        if (itemScores.Count != ItemCount || itemScores.Any(s => s is not (0 or 1)))
        {
            throw new ArgumentException("The checklist has 25 item scores, each 0 or 1.", nameof(itemScores));
        }

        int Sum(int from, int to) => Enumerable.Range(from, to - from + 1).Sum(i => itemScores[i - 1]);
        var domains = ChecklistDomains.None;
        if (Sum(1, 20) >= c.LifeFunctionFrom)
        {
            domains |= ChecklistDomains.LifeFunction;
        }

        if (Sum(6, 10) >= c.MotorFrom)
        {
            domains |= ChecklistDomains.Motor;
        }

        if (itemScores[10] == 1 && itemScores[11] == 1)
        {
            domains |= ChecklistDomains.Nutrition;
        }

        if (Sum(13, 15) >= c.OralFrom)
        {
            domains |= ChecklistDomains.Oral;
        }

        if (itemScores[15] == 1)
        {
            domains |= ChecklistDomains.Housebound;
        }

        if (Sum(18, 20) >= c.CognitiveFrom)
        {
            domains |= ChecklistDomains.Cognitive;
        }

        if (Sum(21, 25) >= c.DepressionFrom)
        {
            domains |= ChecklistDomains.Depression;
        }

        return new ChecklistResult([.. itemScores], domains, FrailtyOf(Sum(1, 25), c));
    }

    /// <summary>The band as the warehouse and the pages show it.</summary>
    public static string Label(FrailtyBand band) => band switch
    {
        FrailtyBand.Frail => "フレイル",
        FrailtyBand.PreFrail => "プレフレイル",
        _ => "ロバスト",
    };
}
