namespace Workbench.Domain.Learning;

/// <summary>How far a pupil has mastered a unit or subject, from the best <c>score.scaled</c> (−1 … 1).</summary>
public enum MasteryBand
{
    /// <summary>要支援: below <see cref="MasteryBands.SupportBelow"/>.</summary>
    NeedsSupport,

    /// <summary>もう少し: between the two thresholds.</summary>
    Almost,

    /// <summary>定着: from <see cref="MasteryBands.SecureFrom"/>.</summary>
    Secure,
}

/// <summary>The mastery bands of DOMAIN.md (defaults: &lt; 0.4 要支援, 0.4–0.7 もう少し, ≥ 0.7 定着), configurable.</summary>
public sealed record MasteryBands(double SupportBelow = MasteryBands.DefaultSupportBelow, double SecureFrom = MasteryBands.DefaultSecureFrom)
{
    public const double DefaultSupportBelow = 0.4;
    public const double DefaultSecureFrom = 0.7;

    public static IReadOnlyList<MasteryBand> All { get; } = [MasteryBand.NeedsSupport, MasteryBand.Almost, MasteryBand.Secure];

    public MasteryBand BandOf(double score) =>
        score < SupportBelow ? MasteryBand.NeedsSupport : score < SecureFrom ? MasteryBand.Almost : MasteryBand.Secure;

    public static string Label(MasteryBand band) => band switch
    {
        MasteryBand.NeedsSupport => "要支援",
        MasteryBand.Almost => "もう少し",
        _ => "定着",
    };
}
