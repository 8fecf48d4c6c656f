using System.IO.Compression;

namespace Workbench.Tests.Etl;

/// <summary>Real-format files to hand to the detector, the inbox or the データ page: a roster zip, attendance CSVs, a GTFS-like zip.</summary>
public static class SourceFileBuilders
{
    public const string AttendanceHeader = "userSourcedId,date,status,reason\n";

    /// <summary>The <see cref="RosterFiles"/> package as one zip, as a roster system exports it.</summary>
    public static string RosterZip(string folder, int pupils = 3, string name = "roster.zip")
    {
        var staging = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + "-files");
        RosterFiles.Write(staging, pupils);
        var zip = Path.Combine(folder, name);
        ZipFile.CreateFromDirectory(staging, zip);
        Directory.Delete(staging, recursive: true);
        return zip;
    }

    /// <summary>One 出席 day per pupil 1…<paramref name="pupils"/> of <see cref="RosterFiles"/>, on <paramref name="date"/>.</summary>
    public static string Attendance(int pupils, string date = "2025-04-07", int firstPupil = 1) =>
        AttendanceHeader + string.Concat(Enumerable.Range(firstPupil, pupils).Select(p => $"{RosterFiles.PupilId(p)},{date},出席,\n"));

    /// <summary>A zip holding these (empty) files.</summary>
    public static string ZipOf(string path, params string[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var entry in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("id\n");
        }

        return path;
    }
}
