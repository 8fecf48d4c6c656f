using Workbench.Domain.Health;

namespace Workbench.Tests.Domain.Health;

/// <summary>特定保健指導 階層化, case by case against DOMAIN.md (Health) and the MHLW standard programme.</summary>
public class GuidanceStratificationTests
{
    /// <summary>A 50-year-old man with nothing to note; each test changes what it is about.</summary>
    private static readonly CheckupFindings Healthy = new()
    {
        Male = true, Age = 50, WaistCm = 80, Bmi = 22, Systolic = 120, Diastolic = 75, FastingGlucose = 90, HbA1c = 5.2,
        Triglycerides = 100, Hdl = 60, FastingSample = true,
    };

    private static GuidanceLevel LevelOf(CheckupFindings f) => GuidanceStratification.Stratify(f).Level;

    [Theory]
    [InlineData(true, 85.0, 22.0, ObesityGroup.A)]
    [InlineData(true, 84.9, 22.0, ObesityGroup.None)]
    [InlineData(false, 89.9, 22.0, ObesityGroup.None)]
    [InlineData(false, 90.0, 22.0, ObesityGroup.A)]
    [InlineData(true, 84.0, 25.0, ObesityGroup.B)]
    [InlineData(false, 88.0, 24.9, ObesityGroup.None)]
    [InlineData(true, 90.0, 30.0, ObesityGroup.A)]
    public void The_group_is_A_by_waist_85_men_90_women_otherwise_B_by_BMI_25(bool male, double waist, double bmi, ObesityGroup group)
    {
        Assert.Equal(group, GuidanceStratification.GroupOf(Healthy with { Male = male, WaistCm = waist, Bmi = bmi }));
    }

    [Fact]
    public void Glucose_counts_at_fasting_100_or_HbA1c_5_6()
    {
        Assert.True(GuidanceStratification.GlucoseRisk(Healthy with { FastingGlucose = 100 }));
        Assert.False(GuidanceStratification.GlucoseRisk(Healthy with { FastingGlucose = 99 }));
        Assert.True(GuidanceStratification.GlucoseRisk(Healthy with { HbA1c = 5.6 }));
        Assert.False(GuidanceStratification.GlucoseRisk(Healthy with { HbA1c = 5.5 }));
    }

    [Fact]
    public void Casual_glucose_counts_only_when_neither_fasting_glucose_nor_HbA1c_was_measured()
    {
        Assert.True(GuidanceStratification.GlucoseRisk(Healthy with { FastingGlucose = null, HbA1c = null, CasualGlucose = 100 }));
        Assert.False(GuidanceStratification.GlucoseRisk(Healthy with { FastingGlucose = null, HbA1c = null, CasualGlucose = 99 }));
        Assert.False(GuidanceStratification.GlucoseRisk(Healthy with { FastingGlucose = null, HbA1c = 5.3, CasualGlucose = 140 }));
    }

    [Fact]
    public void Triglycerides_count_at_150_fasting_and_at_175_casual()
    {
        Assert.True(GuidanceStratification.LipidRisk(Healthy with { Triglycerides = 150 }));
        Assert.False(GuidanceStratification.LipidRisk(Healthy with { Triglycerides = 149 }));
        Assert.False(GuidanceStratification.LipidRisk(Healthy with { Triglycerides = 174, FastingSample = false }));
        Assert.True(GuidanceStratification.LipidRisk(Healthy with { Triglycerides = 175, FastingSample = false }));
    }

    [Fact]
    public void HDL_below_40_counts_as_a_lipid_risk()
    {
        Assert.True(GuidanceStratification.LipidRisk(Healthy with { Hdl = 39 }));
        Assert.False(GuidanceStratification.LipidRisk(Healthy with { Hdl = 40 }));
    }

    [Fact]
    public void Blood_pressure_counts_at_systolic_130_or_diastolic_85()
    {
        Assert.True(GuidanceStratification.PressureRisk(Healthy with { Systolic = 130 }));
        Assert.True(GuidanceStratification.PressureRisk(Healthy with { Diastolic = 85 }));
        Assert.False(GuidanceStratification.PressureRisk(Healthy with { Systolic = 129, Diastolic = 84 }));
    }

    [Fact]
    public void Smoking_counts_only_beside_another_risk()
    {
        var alone = GuidanceStratification.Stratify(Healthy with { WaistCm = 90, Smoker = true });
        var withPressure = GuidanceStratification.Stratify(Healthy with { WaistCm = 90, Smoker = true, Systolic = 135 });

        Assert.Equal((false, 0, GuidanceLevel.Information), (alone.SmokingCounted, alone.RiskCount, alone.Level));
        Assert.Equal((true, 2, GuidanceLevel.Intensive), (withPressure.SmokingCounted, withPressure.RiskCount, withPressure.Level));
    }

    [Fact]
    public void Group_A_with_two_risks_is_intensive_with_one_motivational_with_none_information()
    {
        Assert.Equal(GuidanceLevel.Intensive, LevelOf(Healthy with { WaistCm = 90, Systolic = 140, HbA1c = 5.8 }));
        Assert.Equal(GuidanceLevel.Motivational, LevelOf(Healthy with { WaistCm = 90, Systolic = 140 }));
        Assert.Equal(GuidanceLevel.Information, LevelOf(Healthy with { WaistCm = 90 }));
    }

    [Fact]
    public void Group_B_needs_three_risks_for_intensive_and_one_or_two_give_motivational()
    {
        var b = Healthy with { Bmi = 26 };

        Assert.Equal(GuidanceLevel.Intensive, LevelOf(b with { Systolic = 140, HbA1c = 5.8, Hdl = 35 }));
        Assert.Equal(GuidanceLevel.Intensive, LevelOf(b with { Systolic = 140, HbA1c = 5.8, Smoker = true }));
        Assert.Equal(GuidanceLevel.Motivational, LevelOf(b with { Systolic = 140, HbA1c = 5.8 }));
        Assert.Equal(GuidanceLevel.Motivational, LevelOf(b with { Triglycerides = 200 }));
        Assert.Equal(GuidanceLevel.Information, LevelOf(b));
    }

    [Fact]
    public void Without_waist_or_BMI_over_the_line_risks_alone_give_information_only()
    {
        Assert.Equal(GuidanceLevel.Information, LevelOf(Healthy with { Systolic = 160, HbA1c = 6.5, Hdl = 30, Smoker = true }));
    }

    [Theory]
    [InlineData(64, GuidanceLevel.Intensive)]
    [InlineData(65, GuidanceLevel.Motivational)]
    [InlineData(74, GuidanceLevel.Motivational)]
    public void From_65_to_74_intensive_becomes_motivational(int age, GuidanceLevel level)
    {
        Assert.Equal(level, LevelOf(Healthy with { Age = age, WaistCm = 95, Systolic = 140, HbA1c = 6.0 }));
    }

    [Fact]
    public void From_65_motivational_stays_motivational()
    {
        Assert.Equal(GuidanceLevel.Motivational, LevelOf(Healthy with { Age = 70, WaistCm = 95, Systolic = 140 }));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Anyone_on_blood_pressure_glucose_or_lipid_medication_is_not_eligible(bool pressure, bool glucose, bool lipid)
    {
        var f = Healthy with
        {
            WaistCm = 95, Systolic = 140, HbA1c = 6.0,
            OnBloodPressureMedication = pressure, OnGlucoseMedication = glucose, OnLipidMedication = lipid,
        };

        Assert.Equal(GuidanceLevel.NotEligible, LevelOf(f));
    }

    [Theory]
    [InlineData(39, GuidanceLevel.NotEligible)]
    [InlineData(40, GuidanceLevel.Intensive)]
    [InlineData(75, GuidanceLevel.NotEligible)]
    public void Only_ages_40_to_74_are_in_the_programme(int age, GuidanceLevel level)
    {
        Assert.Equal(level, LevelOf(Healthy with { Age = age, WaistCm = 95, Systolic = 140, HbA1c = 6.0 }));
    }

    [Fact]
    public void Levels_carry_the_MHLW_names()
    {
        Assert.Equal(
            ["積極的支援", "動機付け支援", "情報提供", "対象外"],
            Enum.GetValues<GuidanceLevel>().Select(GuidanceStratification.Label).ToArray());
    }

    [Fact]
    public void Configured_cut_offs_replace_the_programme_defaults()
    {
        var criteria = new GuidanceCriteria { WaistMenCm = 90, OlderFrom = 70 };

        Assert.Equal(ObesityGroup.None, GuidanceStratification.GroupOf(Healthy with { WaistCm = 87 }, criteria));
        Assert.Equal(GuidanceLevel.Intensive, GuidanceStratification.Stratify(Healthy with { Age = 68, WaistCm = 95, Systolic = 140, HbA1c = 6.0 }, criteria).Level);
    }
}
