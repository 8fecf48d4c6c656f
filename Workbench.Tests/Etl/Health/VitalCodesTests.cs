using Workbench.Data.Etl.Health;

namespace Workbench.Tests.Etl.Health;

/// <summary>Codes and UCUM units of PHR vitals (DOMAIN.md, PHR vitals).</summary>
public class VitalCodesTests
{
    private const string Loinc = "http://loinc.org";
    private const string JpCore = "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationVitalSignsCode_CS";

    [Theory]
    [InlineData("29463-7", 185.0, "[lb_av]", 83.9)]
    [InlineData("29463-7", 62.5, "kg", 62.5)]
    [InlineData("29463-7", 62500.0, "g", 62.5)]
    [InlineData("8302-2", 66.9, "[in_i]", 169.9)]
    [InlineData("8302-2", 1.62, "m", 162.0)]
    [InlineData("8310-5", 98.6, "[degF]", 37.0)]
    [InlineData("8480-6", 16.0, "kPa", 120.0)]
    [InlineData("8867-4", 72.0, "{beats}/min", 72.0)]
    [InlineData("55423-8", 8000.0, "{steps}/d", 8000.0)]
    public void UCUM_units_are_converted_to_the_stored_unit(string code, double value, string unit, double stored)
    {
        Assert.Equal(stored, VitalCodes.Of(Loinc, code)!.Convert(value, unit));
    }

    [Fact]
    public void A_unit_the_measure_cannot_take_gives_no_value()
    {
        Assert.Null(VitalCodes.Of(Loinc, "29463-7")!.Convert(60, "cm"));
    }

    [Theory]
    [InlineData("31000296", "29463-7")]
    [InlineData("31000298", "8302-2")]
    [InlineData("31003020", "39156-5")]
    [InlineData("31001369", "9279-1")]
    [InlineData("31001368", "8310-5")]
    [InlineData("31001848", "8480-6")]
    [InlineData("31001849", "8462-4")]
    public void JP_Core_MEDIS_codes_map_to_LOINC(string medis, string loinc)
    {
        Assert.Equal(loinc, VitalCodes.Of(JpCore, medis)!.Loinc);
    }

    [Fact]
    public void A_MEDIS_code_under_another_system_or_an_unknown_code_is_not_a_vital()
    {
        Assert.Null(VitalCodes.Of("http://snomed.info/sct", "31000296"));
        Assert.Null(VitalCodes.Of(Loinc, "85353-1"));
        Assert.True(VitalCodes.IsBloodPressurePanel(Loinc, "85354-9"));
        Assert.True(VitalCodes.IsBloodPressurePanel(JpCore, "31002365"));
    }
}
