using Workbench.Domain.Health;

namespace Workbench.Tests.Domain.Health;

/// <summary>基本チェックリスト scoring, item by item and domain by domain, against DOMAIN.md (Health).</summary>
public class ChecklistScoringTests
{
    /// <summary>25 item scores with the given items (1-based) scoring 1.</summary>
    private static int[] Scores(params int[] risky)
    {
        var scores = new int[25];
        foreach (var item in risky)
        {
            scores[item - 1] = 1;
        }

        return scores;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(19)]
    public void On_the_items_that_ask_what_one_can_do_いいえ_points_to_risk(int item)
    {
        Assert.Equal(1, ChecklistScoring.ScoreOfAnswer(item, yes: false));
        Assert.Equal(0, ChecklistScoring.ScoreOfAnswer(item, yes: true));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    [InlineData(25)]
    public void On_the_items_that_ask_about_a_problem_はい_points_to_risk(int item)
    {
        Assert.Equal(1, ChecklistScoring.ScoreOfAnswer(item, yes: true));
        Assert.Equal(0, ChecklistScoring.ScoreOfAnswer(item, yes: false));
    }

    [Fact]
    public void Item_12_has_no_answer_of_its_own()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChecklistScoring.ScoreOfAnswer(12, yes: true));
    }

    [Theory]
    [InlineData(160.0, 47.0, 1)] // BMI 18.36
    [InlineData(160.0, 47.4, 0)] // BMI 18.52
    [InlineData(150.0, 41.625, 0)] // BMI exactly 18.5 is not below it
    [InlineData(170.0, 80.0, 0)]
    public void Item_12_scores_when_the_BMI_from_height_and_weight_is_below_18_5(double heightCm, double weightKg, int score)
    {
        Assert.Equal(score, ChecklistScoring.ScoreOfBmi(ChecklistScoring.Bmi(heightCm, weightKg)));
    }

    [Fact]
    public void No_risk_answers_fire_no_domain_and_are_robust()
    {
        var result = ChecklistScoring.Score(Scores());

        Assert.Equal(ChecklistDomains.None, result.Domains);
        Assert.Equal(0, result.Total);
        Assert.Equal(FrailtyBand.Robust, result.Frailty);
    }

    [Fact]
    public void Life_function_fires_at_10_of_items_1_to_20_and_not_at_9()
    {
        Assert.True(ChecklistScoring.Score(Scores(1, 2, 3, 4, 5, 11, 13, 16, 17, 19)).Has(ChecklistDomains.LifeFunction));
        Assert.False(ChecklistScoring.Score(Scores(1, 2, 3, 4, 5, 11, 13, 16, 17)).Has(ChecklistDomains.LifeFunction));
        // Items 21–25 do not count towards it.
        Assert.False(ChecklistScoring.Score(Scores(1, 2, 3, 4, 5, 11, 13, 16, 17, 21, 22)).Has(ChecklistDomains.LifeFunction));
    }

    [Fact]
    public void Motor_fires_at_3_of_items_6_to_10_and_not_at_2()
    {
        Assert.True(ChecklistScoring.Score(Scores(6, 8, 10)).Has(ChecklistDomains.Motor));
        Assert.False(ChecklistScoring.Score(Scores(6, 10)).Has(ChecklistDomains.Motor));
        Assert.False(ChecklistScoring.Score(Scores(5, 6, 10, 11)).Has(ChecklistDomains.Motor));
    }

    [Fact]
    public void Nutrition_fires_only_when_both_items_11_and_12_score()
    {
        Assert.True(ChecklistScoring.Score(Scores(11, 12)).Has(ChecklistDomains.Nutrition));
        Assert.False(ChecklistScoring.Score(Scores(11)).Has(ChecklistDomains.Nutrition));
        Assert.False(ChecklistScoring.Score(Scores(12)).Has(ChecklistDomains.Nutrition));
    }

    [Fact]
    public void Oral_fires_at_2_of_items_13_to_15_and_not_at_1()
    {
        Assert.True(ChecklistScoring.Score(Scores(13, 15)).Has(ChecklistDomains.Oral));
        Assert.False(ChecklistScoring.Score(Scores(14)).Has(ChecklistDomains.Oral));
    }

    [Fact]
    public void Housebound_fires_on_item_16_alone_and_not_on_item_17()
    {
        Assert.True(ChecklistScoring.Score(Scores(16)).Has(ChecklistDomains.Housebound));
        Assert.False(ChecklistScoring.Score(Scores(17)).Has(ChecklistDomains.Housebound));
    }

    [Theory]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(20)]
    public void Cognitive_fires_on_any_one_of_items_18_to_20(int item)
    {
        Assert.Equal(ChecklistDomains.Cognitive, ChecklistScoring.Score(Scores(item)).Domains);
    }

    [Fact]
    public void Cognitive_does_not_fire_without_items_18_to_20()
    {
        Assert.False(ChecklistScoring.Score(Scores(17, 21)).Has(ChecklistDomains.Cognitive));
    }

    [Fact]
    public void Depression_fires_at_2_of_items_21_to_25_and_not_at_1()
    {
        Assert.True(ChecklistScoring.Score(Scores(21, 25)).Has(ChecklistDomains.Depression));
        Assert.False(ChecklistScoring.Score(Scores(23)).Has(ChecklistDomains.Depression));
    }

    [Theory]
    [InlineData(0, FrailtyBand.Robust)]
    [InlineData(3, FrailtyBand.Robust)]
    [InlineData(4, FrailtyBand.PreFrail)]
    [InlineData(7, FrailtyBand.PreFrail)]
    [InlineData(8, FrailtyBand.Frail)]
    [InlineData(25, FrailtyBand.Frail)]
    public void Frailty_bands_from_the_total_of_all_25_items(int total, FrailtyBand band)
    {
        var result = ChecklistScoring.Score(Scores([.. Enumerable.Range(1, total)]));

        Assert.Equal(total, result.Total);
        Assert.Equal(band, result.Frailty);
        Assert.Equal(band, ChecklistScoring.FrailtyOf(total));
    }

    [Fact]
    public void A_set_other_than_25_scores_of_0_or_1_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ChecklistScoring.Score(new int[24]));
        Assert.Throws<ArgumentException>(() => ChecklistScoring.Score([2, .. new int[24]]));
    }

    [Fact]
    public void Configured_thresholds_replace_the_defaults()
    {
        var stricter = new ChecklistCriteria { MotorFrom = 2, LowBmi = 20, PreFrailFrom = 2, FrailFrom = 3 };

        Assert.True(ChecklistScoring.Score(Scores(6, 10), stricter).Has(ChecklistDomains.Motor));
        Assert.Equal(1, ChecklistScoring.ScoreOfBmi(19.5, stricter));
        Assert.Equal(FrailtyBand.Frail, ChecklistScoring.Score(Scores(1, 2, 3), stricter).Frailty);
    }

    [Fact]
    public void Frailty_bands_that_overlap_are_refused_by_validation()
    {
        var criteria = new ChecklistCriteria { PreFrailFrom = 8, FrailFrom = 8 };

        Assert.NotEmpty(criteria.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(criteria)));
    }
}
