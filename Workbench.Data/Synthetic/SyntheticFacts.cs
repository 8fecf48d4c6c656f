using System.Globalization;
using System.Reflection;

namespace Workbench.Data.Synthetic;

/// <summary>One 町丁・字 of chome.csv (census 2015 figures; see Facts/README.md).</summary>
internal sealed record ChomeFact(
    int Order,
    string Code,
    string Name,
    string DistrictCode,
    string DistrictName,
    string AreaCode,
    string AreaName,
    bool IsUrban,
    int Population,
    int Households,
    double Longitude,
    double Latitude);

internal enum SchoolKind
{
    Elementary,
    JuniorHigh,
}

/// <summary>One school of schools.csv with its real pupils per grade (岡山県 学校基本調査, 2019).</summary>
internal sealed record SchoolFact(
    int Order,
    string Code,
    string Name,
    SchoolKind Kind,
    IReadOnlyList<int> PupilsPerGrade,
    int Classes,
    string DistrictCode,
    double Longitude,
    double Latitude)
{
    /// <summary>The school's first grade on the 1–9 scale the generator uses (P1 = 1 … J3 = 9).</summary>
    public int FirstGrade => Kind == SchoolKind.Elementary ? 1 : 7;

    public int LastGrade => FirstGrade + PupilsPerGrade.Count - 1;

    public int Pupils => PupilsPerGrade.Sum();

    /// <summary>Real pupils in a grade on the 1–9 scale.</summary>
    public int PupilsIn(int grade) => PupilsPerGrade[grade - FirstGrade];
}

/// <summary>
/// The project's own tables of public facts, embedded in the assembly (Facts/*.csv as synthetic/*.csv) so that the
/// generator never reads ../shared at run time.
/// </summary>
internal sealed class SyntheticFacts
{
    private static readonly Lazy<SyntheticFacts> Embedded = new(Load);

    private SyntheticFacts(IReadOnlyList<ChomeFact> chome, IReadOnlyList<SchoolFact> schools)
    {
        Chome = chome;
        Schools = schools;
    }

    public static SyntheticFacts Instance => Embedded.Value;

    public IReadOnlyList<ChomeFact> Chome { get; }

    public IReadOnlyList<SchoolFact> Schools { get; }

    private static SyntheticFacts Load()
    {
        var chome = ReadRows("synthetic/chome.csv")
            .Select((f, i) => new ChomeFact(
                i,
                f["chome_code"],
                f["chome_name"],
                f["district_code"],
                f["district_name"],
                f["area_code"],
                f["area_name"],
                f["is_urban"] == "true",
                Int(f["population"]),
                Int(f["households"]),
                Double(f["longitude"]),
                Double(f["latitude"])))
            .ToList();

        var schools = ReadRows("synthetic/schools.csv")
            .Select((f, i) =>
            {
                var grades = Enumerable.Range(1, 6)
                    .Select(g => f[$"grade{g.ToString(CultureInfo.InvariantCulture)}"])
                    .Where(v => v.Length > 0)
                    .Select(Int)
                    .ToList();
                return new SchoolFact(
                    i,
                    f["school_code"],
                    f["school_name"],
                    f["school_kind"] == "junior_high" ? SchoolKind.JuniorHigh : SchoolKind.Elementary,
                    grades,
                    Int(f["classes"]),
                    f["district_code"],
                    Double(f["longitude"]),
                    Double(f["latitude"]));
            })
            .ToList();

        return new SyntheticFacts(chome, schools);
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double Double(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The fact files are plain CSV without quoting (checked by the build script that wrote them).</summary>
    private static List<Dictionary<string, string>> ReadRows(string resource)
    {
        using var stream = typeof(SyntheticFacts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        var header = (reader.ReadLine() ?? string.Empty).Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i] : string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }
}
