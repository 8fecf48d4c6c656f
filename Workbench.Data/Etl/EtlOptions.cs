using System.ComponentModel.DataAnnotations;

namespace Workbench.Data.Etl;

/// <summary>The <c>Etl</c> configuration section.</summary>
public sealed class EtlOptions
{
    public const string SectionName = "Etl";

    /// <summary>A batch whose rejected share of rows exceeds this is refused whole.</summary>
    [Range(0.0, 1.0)]
    public double MaxRejectShare { get; set; } = 0.05;

    /// <summary>Base64 HMAC key for person pseudonyms. Empty: a key generated once and kept in the data folder.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Namespace of the education sources' ids, so two systems' <c>USER_1</c> stay apart.</summary>
    [Required]
    public string EducationSource { get; set; } = "tsuyama";

    /// <summary>At most this many rejected rows are kept in detail per batch; all are counted.</summary>
    [Range(1, 1_000_000)]
    public int MaxRejectsKept { get; set; } = 10_000;
}
