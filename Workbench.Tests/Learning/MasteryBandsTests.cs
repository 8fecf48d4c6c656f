using System.ComponentModel.DataAnnotations;
using Workbench.Domain.Learning;

namespace Workbench.Tests.Learning;

public class MasteryBandsTests
{
    [Theory]
    [InlineData(-1.0, MasteryBand.NeedsSupport)]
    [InlineData(0.0, MasteryBand.NeedsSupport)]
    [InlineData(0.3999, MasteryBand.NeedsSupport)]
    [InlineData(0.4, MasteryBand.AlmostThere)]
    [InlineData(0.6999, MasteryBand.AlmostThere)]
    [InlineData(0.7, MasteryBand.Secure)]
    [InlineData(1.0, MasteryBand.Secure)]
    public void The_default_bands_are_below_04_support_04_to_07_almost_and_from_07_secure(double best, MasteryBand band) =>
        Assert.Equal(band, new MasteryBands().Of(best));

    [Fact]
    public void A_unit_without_a_score_has_no_band() => Assert.Null(new MasteryBands().Of(null));

    [Fact]
    public void Bands_follow_the_configured_thresholds()
    {
        var bands = new MasteryBands(new MasteryBandOptions { AlmostFrom = 0.5, SecureFrom = 0.8 });

        Assert.Equal(MasteryBand.NeedsSupport, bands.Of(0.45));
        Assert.Equal(MasteryBand.AlmostThere, bands.Of(0.75));
        Assert.Equal(MasteryBand.Secure, bands.Of(0.8));
    }

    [Fact]
    public void Bands_have_their_Japanese_labels() =>
        Assert.Equal(["要支援", "もう少し", "定着"], Enum.GetValues<MasteryBand>().Select(MasteryBands.Label));

    [Fact]
    public void Thresholds_out_of_order_fail_validation_with_the_keys_name()
    {
        var options = new MasteryBandOptions { AlmostFrom = 0.8, SecureFrom = 0.7 };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("Learning:Mastery:AlmostFrom", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }
}
