using System.ComponentModel.DataAnnotations;

namespace Workbench.Domain.Health;

/// <summary>
/// The <c>Health:Guidance</c> configuration section: the 特定保健指導 階層化 cut-offs of the MHLW standard programme
/// (DOMAIN.md) as defaults.
/// </summary>
public sealed class GuidanceCriteria : IValidatableObject
{
    public const string SectionName = "Health:Guidance";

    [Range(50.0, 150.0)]
    public double WaistMenCm { get; set; } = 85;

    [Range(50.0, 150.0)]
    public double WaistWomenCm { get; set; } = 90;

    [Range(15.0, 40.0)]
    public double Bmi { get; set; } = 25;

    [Range(50.0, 300.0)]
    public double FastingGlucose { get; set; } = 100;

    [Range(3.0, 15.0)]
    public double HbA1c { get; set; } = 5.6;

    [Range(50.0, 300.0)]
    public double CasualGlucose { get; set; } = 100;

    [Range(50.0, 1000.0)]
    public double FastingTriglycerides { get; set; } = 150;

    [Range(50.0, 1000.0)]
    public double CasualTriglycerides { get; set; } = 175;

    /// <summary>HDL below this counts.</summary>
    [Range(10.0, 100.0)]
    public double HdlBelow { get; set; } = 40;

    [Range(80.0, 250.0)]
    public double Systolic { get; set; } = 130;

    [Range(40.0, 150.0)]
    public double Diastolic { get; set; } = 85;

    /// <summary>The programme's ages: 40–74.</summary>
    [Range(0, 120)]
    public int FirstAge { get; set; } = 40;

    [Range(0, 120)]
    public int LastAge { get; set; } = 74;

    /// <summary>From this age 積極的支援 becomes 動機付け支援.</summary>
    [Range(0, 120)]
    public int OlderFrom { get; set; } = 65;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstAge > LastAge)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(FirstAge)} must not be above {SectionName}:{nameof(LastAge)}.", [nameof(FirstAge), nameof(LastAge)]);
        }
    }
}
