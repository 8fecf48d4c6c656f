using System.ComponentModel.DataAnnotations;

namespace Workbench.Domain.Health;

/// <summary>
/// The <c>Health:Checklist</c> configuration section: the 基本チェックリスト thresholds (DOMAIN.md: the MHLW criteria for
/// 事業対象者 and the frailty bands of Satake et al., 2016) as defaults.
/// </summary>
public sealed class ChecklistCriteria : IValidatableObject
{
    public const string SectionName = "Health:Checklist";

    /// <summary>Item 12 scores below this BMI.</summary>
    [Range(10.0, 30.0)]
    public double LowBmi { get; set; } = 18.5;

    /// <summary>生活機能全般 from this many of items 1–20.</summary>
    [Range(1, 20)]
    public int LifeFunctionFrom { get; set; } = 10;

    /// <summary>運動器 from this many of items 6–10.</summary>
    [Range(1, 5)]
    public int MotorFrom { get; set; } = 3;

    /// <summary>口腔 from this many of items 13–15.</summary>
    [Range(1, 3)]
    public int OralFrom { get; set; } = 2;

    /// <summary>認知 from this many of items 18–20.</summary>
    [Range(1, 3)]
    public int CognitiveFrom { get; set; } = 1;

    /// <summary>うつ from this many of items 21–25.</summary>
    [Range(1, 5)]
    public int DepressionFrom { get; set; } = 2;

    /// <summary>プレフレイル from this total of all 25 items.</summary>
    [Range(1, 25)]
    public int PreFrailFrom { get; set; } = 4;

    /// <summary>フレイル from this total.</summary>
    [Range(1, 25)]
    public int FrailFrom { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PreFrailFrom >= FrailFrom)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PreFrailFrom)} must be below {SectionName}:{nameof(FrailFrom)}.", [nameof(PreFrailFrom), nameof(FrailFrom)]);
        }
    }
}
