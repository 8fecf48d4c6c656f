namespace Workbench.Domain.Learning;

/// <summary>Mastery of a 単元 = the pupil's best <c>score.scaled</c> on it, in configurable bands.</summary>
public sealed class MasteryBands(MasteryBandOptions options)
{
    public MasteryBands()
        : this(new MasteryBandOptions())
    {
    }

    /// <summary>The bands from 要支援 to 定着, the order of tables and legends.</summary>
    public static IReadOnlyList<MasteryBand> All { get; } = [MasteryBand.NeedsSupport, MasteryBand.AlmostThere, MasteryBand.Secure];

    public double AlmostFrom => options.AlmostFrom;

    public double SecureFrom => options.SecureFrom;

    /// <summary>The band of a best score; null when the pupil has no score on the unit.</summary>
    public MasteryBand? Of(double? bestScaled) => bestScaled switch
    {
        null => null,
        var s when s >= options.SecureFrom => MasteryBand.Secure,
        var s when s >= options.AlmostFrom => MasteryBand.AlmostThere,
        _ => MasteryBand.NeedsSupport,
    };

    public static string Label(MasteryBand band) => band switch
    {
        MasteryBand.Secure => "定着",
        MasteryBand.AlmostThere => "もう少し",
        _ => "要支援",
    };
}
