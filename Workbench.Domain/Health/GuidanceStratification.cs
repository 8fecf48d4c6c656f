namespace Workbench.Domain.Health;

/// <summary>特定保健指導 levels. 対象外: outside the programme's ages (40–74) or on medication (under a doctor).</summary>
public enum GuidanceLevel
{
    Intensive,
    Motivational,
    Information,
    NotEligible,
}

/// <summary>Step 1 of 階層化: waist (group A) or BMI (group B).</summary>
public enum ObesityGroup
{
    None,
    A,
    B,
}

/// <summary>One 特定健診 result as stratification needs it. Missing measurements are null.</summary>
public sealed record CheckupFindings
{
    public required bool Male { get; init; }

    /// <summary>Age at the end of the 年度 (as 特定健診 counts it).</summary>
    public required int Age { get; init; }

    public double? WaistCm { get; init; }

    public double? Bmi { get; init; }

    public double? Systolic { get; init; }

    public double? Diastolic { get; init; }

    public double? FastingGlucose { get; init; }

    public double? CasualGlucose { get; init; }

    public double? HbA1c { get; init; }

    public double? Triglycerides { get; init; }

    /// <summary>Whether the blood was drawn fasting: triglycerides are judged at 150 then, at 175 otherwise.</summary>
    public bool FastingSample { get; init; } = true;

    public double? Hdl { get; init; }

    public bool Smoker { get; init; }

    public bool OnBloodPressureMedication { get; init; }

    public bool OnGlucoseMedication { get; init; }

    public bool OnLipidMedication { get; init; }

    public bool OnMedication => OnBloodPressureMedication || OnGlucoseMedication || OnLipidMedication;
}

public sealed record Stratification(
    ObesityGroup Group, bool GlucoseRisk, bool LipidRisk, bool PressureRisk, bool SmokingCounted, GuidanceLevel Level)
{
    /// <summary>Additional risks, smoking included where it counts.</summary>
    public int RiskCount => (GlucoseRisk ? 1 : 0) + (LipidRisk ? 1 : 0) + (PressureRisk ? 1 : 0) + (SmokingCounted ? 1 : 0);
}

/// <summary>
/// 特定健診 → 特定保健指導 階層化 by the MHLW standard programme (DOMAIN.md, Health). Pure functions; the cut-offs come
/// from <see cref="GuidanceCriteria"/>, whose defaults are the programme's.
/// </summary>
public static class GuidanceStratification
{
    private static readonly GuidanceCriteria Defaults = new();

    public static ObesityGroup GroupOf(CheckupFindings f, GuidanceCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var c = criteria ?? Defaults;
        if (f.WaistCm is { } waist && waist >= (f.Male ? c.WaistMenCm : c.WaistWomenCm))
        {
            return ObesityGroup.A;
        }

        return f.Bmi >= c.Bmi ? ObesityGroup.B : ObesityGroup.None;
    }

    /// <summary>Fasting glucose ≥ 100 or HbA1c ≥ 5.6; casual glucose ≥ 100 only when neither was measured.</summary>
    public static bool GlucoseRisk(CheckupFindings f, GuidanceCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var c = criteria ?? Defaults;
        if (f.FastingGlucose is null && f.HbA1c is null)
        {
            return f.CasualGlucose >= c.CasualGlucose;
        }

        return f.FastingGlucose >= c.FastingGlucose || f.HbA1c >= c.HbA1c;
    }

    /// <summary>Triglycerides ≥ 150 fasting / ≥ 175 casual, or HDL below 40.</summary>
    public static bool LipidRisk(CheckupFindings f, GuidanceCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var c = criteria ?? Defaults;
        var triglycerideCut = f.FastingSample ? c.FastingTriglycerides : c.CasualTriglycerides;
        return f.Triglycerides >= triglycerideCut || f.Hdl < c.HdlBelow;
    }

    /// <summary>Systolic ≥ 130 or diastolic ≥ 85 mmHg.</summary>
    public static bool PressureRisk(CheckupFindings f, GuidanceCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var c = criteria ?? Defaults;
        return f.Systolic >= c.Systolic || f.Diastolic >= c.Diastolic;
    }

    public static Stratification Stratify(CheckupFindings f, GuidanceCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var c = criteria ?? Defaults;
        var group = GroupOf(f, c);
        var (glucose, lipid, pressure) = (GlucoseRisk(f, c), LipidRisk(f, c), PressureRisk(f, c));
        var smoking = f.Smoker && (glucose || lipid || pressure);
        var risks = (glucose ? 1 : 0) + (lipid ? 1 : 0) + (pressure ? 1 : 0) + (smoking ? 1 : 0);

        GuidanceLevel level;
        if (f.Age < c.FirstAge || f.Age > c.LastAge || f.OnMedication)
        {
            level = GuidanceLevel.NotEligible;
        }
        else
        {
            level = (group, risks) switch
            {
                (ObesityGroup.A, >= 2) => GuidanceLevel.Intensive,
                (ObesityGroup.A, 1) => GuidanceLevel.Motivational,
                (ObesityGroup.B, >= 3) => GuidanceLevel.Intensive,
                (ObesityGroup.B, >= 1) => GuidanceLevel.Motivational,
                _ => GuidanceLevel.Information,
            };

            // From 65 to 74, 積極的支援 becomes 動機付け支援.
            if (level == GuidanceLevel.Intensive && f.Age >= c.OlderFrom)
            {
                level = GuidanceLevel.Motivational;
            }
        }

        return new Stratification(group, glucose, lipid, pressure, smoking, level);
    }

    public static string Label(GuidanceLevel level) => level switch
    {
        GuidanceLevel.Intensive => "積極的支援",
        GuidanceLevel.Motivational => "動機付け支援",
        GuidanceLevel.Information => "情報提供",
        _ => "対象外",
    };
}
