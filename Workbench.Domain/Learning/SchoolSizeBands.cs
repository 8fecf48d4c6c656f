namespace Workbench.Domain.Learning;

/// <summary>
/// School size by regular classes (通常の学級数), as 学校教育法施行規則 第41条 sets the standard: 12 to 18 classes.
/// Boards group small schools this way so that suppression leaves something to read.
/// </summary>
public static class SchoolSizeBands
{
    public const int StandardFrom = 12;
    public const int StandardTo = 18;

    /// <summary>1 小規模校, 2 標準規模校, 3 大規模校: the order a report lists them in.</summary>
    public static int BandOf(int regularClasses) => regularClasses < StandardFrom ? 1 : regularClasses <= StandardTo ? 2 : 3;

    public static string Label(int band) => band switch
    {
        1 => $"小規模校（{StandardFrom - 1}学級以下）",
        2 => $"標準規模校（{StandardFrom}〜{StandardTo}学級）",
        _ => $"大規模校（{StandardTo + 1}学級以上）",
    };
}
