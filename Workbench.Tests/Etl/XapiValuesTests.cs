using Workbench.Data.Etl.Education;

namespace Workbench.Tests.Etl;

public class XapiValuesTests
{
    [Theory]
    [InlineData("PT4H35M20.00S", 16520.0)]
    [InlineData("PT45S", 45.0)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("PT1M", 60.0)]
    [InlineData("P1DT2H", 93600.0)]
    [InlineData("P2W", 1209600.0)]
    [InlineData("PT1,5S", 1.5)]
    public void An_ISO_8601_duration_becomes_seconds(string text, double seconds)
    {
        Assert.True(XapiValues.TryParseDuration(text, out var parsed));
        Assert.Equal(seconds, parsed, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("4H")]
    [InlineData("P1M")] // months vary in length
    [InlineData("P1Y")]
    [InlineData("PT5S4M")] // out of order
    [InlineData("PT-5S")]
    [InlineData("PT5")]
    public void Other_durations_are_refused(string text) => Assert.False(XapiValues.TryParseDuration(text, out _));

    [Theory]
    [InlineData("https://portal.tsuyama.ed.jp/activities/sansu/p3/u04", "算数", "P3")]
    [InlineData("https://portal.tsuyama.ed.jp/activities/eigo/j2/u10", "英語", "J2")]
    [InlineData("https://portal.tsuyama.ed.jp/activities/ongaku/p1/u01", "音楽", "P1")]
    [InlineData("https://portal.tsuyama.ed.jp/activities/xyz/p1/u01", null, "P1")]
    [InlineData("https://portal.tsuyama.ed.jp/activities/sansu/p3/u04/q2", null, null)]
    [InlineData("http://www.example.com/meetings/occurances/34534", null, null)]
    public void A_unit_IRI_of_the_portal_names_its_subject_and_grade(string iri, string? subject, string? grade) =>
        Assert.Equal((subject, grade), XapiValues.SubjectAndGrade(iri));

    [Fact]
    public void A_stand_in_id_ignores_formatting_and_property_order_but_not_content()
    {
        var compact = XapiValues.DeterministicId("{\"verb\":{\"id\":\"v\"},\"actor\":{\"mbox\":\"mailto:a@b.jp\"},\"n\":1.0}"u8.ToArray());
        var pretty = XapiValues.DeterministicId("{\n  \"actor\": { \"mbox\": \"mailto:a@b.jp\" },\n  \"n\": 1,\n  \"verb\": { \"id\": \"\\u0076\" }\n}"u8.ToArray());
        var other = XapiValues.DeterministicId("{\"verb\":{\"id\":\"w\"},\"actor\":{\"mbox\":\"mailto:a@b.jp\"},\"n\":1}"u8.ToArray());

        Assert.Equal(compact, pretty);
        Assert.NotEqual(compact, other);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", compact.ToString("D"));
    }

    [Theory]
    [InlineData("2025-04-07T09:30:00+09:00", true)]
    [InlineData("2025-04-07T00:30:00Z", true)]
    [InlineData("2025-04-07T00:30:00.123-05:00", true)]
    [InlineData("2025-04-07T09:30:00", false)]
    public void A_timestamp_names_its_zone_or_not(string text, bool zoned) => Assert.Equal(zoned, XapiValues.HasZone(text));
}
