using System.Globalization;

namespace Workbench.Domain.Learning;

/// <summary>How the warnings write dates and numbers (DOMAIN: <c>2025年4月1日</c> or <c>2025/04/01</c>).</summary>
internal static class JapaneseText
{
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Slash(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    public static string Number(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Score(double scaled) => scaled.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
