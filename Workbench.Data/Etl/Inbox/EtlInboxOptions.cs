using System.ComponentModel.DataAnnotations;

namespace Workbench.Data.Etl.Inbox;

/// <summary>The <c>Etl:Inbox</c> configuration section: the watched folder for scheduled drops.</summary>
public sealed class EtlInboxOptions
{
    public const string SectionName = "Etl:Inbox";

    public bool Enabled { get; set; } = true;

    /// <summary>The watched folder; a relative path is inside <c>Warehouse:DataDirectory</c>.</summary>
    [Required]
    public string Folder { get; set; } = "inbox";

    /// <summary>How often the folder is looked at.</summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 5;

    /// <summary>A file is taken once its size and time have not changed for this long, so a copy still running is left alone.</summary>
    [Range(0, 3600)]
    public double SettleSeconds { get; set; } = 10;
}

/// <summary>The <c>Etl:Upload</c> configuration section: files uploaded on the データ page.</summary>
public sealed class EtlUploadOptions
{
    public const string SectionName = "Etl:Upload";

    /// <summary>The largest file the データ page accepts, in megabytes.</summary>
    [Range(1, 1_000_000)]
    public long MaxMegabytes { get; set; } = 2048;

    /// <summary>Where uploads are written while they are imported; a relative path is inside <c>Warehouse:DataDirectory</c>.</summary>
    [Required]
    public string Folder { get; set; } = "uploads";

    public long MaxBytes => MaxMegabytes * 1024 * 1024;
}
