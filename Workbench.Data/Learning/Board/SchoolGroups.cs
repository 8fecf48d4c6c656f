using Workbench.Domain.Learning;

namespace Workbench.Data.Learning.Board;

/// <summary>How board views put schools together so that suppression still leaves something to read.</summary>
public enum BoardGrouping
{
    /// <summary>中学校区: the junior-high school and the elementary schools of its district.</summary>
    District,

    /// <summary>School kind and size by regular classes (小規模・標準規模・大規模).</summary>
    SchoolSize,
}

/// <summary>A row of a board table: the schools it sums.</summary>
public sealed record SchoolGroup(string Key, string Name, int Order, IReadOnlyList<string> SchoolNames);

/// <summary>Assigns each school of the scope to its group, and lists the groups in the order reports show them.</summary>
internal sealed class SchoolGroups
{
    private const string UnknownDistrict = "中学校区不明";
    private readonly Dictionary<string, int> rowOfSchool;

    public SchoolGroups(IEnumerable<BoardSchool> schools, BoardGrouping grouping)
    {
        var assigned = schools.Select(s => (School: s, Group: KeyOf(s, grouping))).ToList();
        Groups = [.. assigned
            .GroupBy(a => a.Group.Key, StringComparer.Ordinal)
            .Select(g => new SchoolGroup(g.Key, g.First().Group.Name, g.First().Group.Order, [.. g.Select(a => a.School.SchoolName).Order(StringComparer.Ordinal)]))
            .OrderBy(g => g.Order)
            .ThenBy(g => g.Name, StringComparer.Ordinal)];
        var rowOfKey = Groups.Select((g, i) => (g.Key, i)).ToDictionary(g => g.Key, g => g.i, StringComparer.Ordinal);
        rowOfSchool = assigned.ToDictionary(a => a.School.SchoolKey, a => rowOfKey[a.Group.Key], StringComparer.Ordinal);
    }

    public IReadOnlyList<SchoolGroup> Groups { get; }

    /// <summary>The row of a school's figures, or -1 for a school outside the scope (the SQL scopes both alike).</summary>
    public int RowOf(string schoolKey) => rowOfSchool.GetValueOrDefault(schoolKey, -1);

    private static (string Key, string Name, int Order) KeyOf(BoardSchool school, BoardGrouping grouping)
    {
        if (grouping == BoardGrouping.District)
        {
            var name = school.DistrictName ?? school.DistrictCode ?? UnknownDistrict;
            return ("district:" + (school.DistrictCode ?? string.Empty), name, school.DistrictCode is null ? 1 : 0);
        }

        var kind = school.SchoolKind == "junior_high" ? 2 : school.SchoolKind == "elementary" ? 1 : 3;
        var band = SchoolSizeBands.BandOf(school.RegularClasses);
        return ($"size:{school.SchoolKind}:{band}", $"{KindLabel(school.SchoolKind)} {SchoolSizeBands.Label(band)}", (kind * 10) + band);
    }

    public static string KindLabel(string schoolKind) => schoolKind switch
    {
        "elementary" => "小学校",
        "junior_high" => "中学校",
        _ => "その他の学校",
    };
}
