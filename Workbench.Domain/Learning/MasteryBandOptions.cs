using System.ComponentModel.DataAnnotations;

namespace Workbench.Domain.Learning;

/// <summary>The <c>Learning:Mastery</c> configuration section: where the bands of a best <c>score.scaled</c> start.</summary>
public sealed class MasteryBandOptions : IValidatableObject
{
    public const string SectionName = "Learning:Mastery";

    /// <summary>もう少し from this score (below it 要支援).</summary>
    [Range(-1.0, 1.0)]
    public double AlmostFrom { get; set; } = 0.4;

    /// <summary>定着 from this score.</summary>
    [Range(-1.0, 1.0)]
    public double SecureFrom { get; set; } = 0.7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AlmostFrom >= SecureFrom)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(AlmostFrom)} must be below {SectionName}:{nameof(SecureFrom)}.", [nameof(AlmostFrom), nameof(SecureFrom)]);
        }
    }
}
