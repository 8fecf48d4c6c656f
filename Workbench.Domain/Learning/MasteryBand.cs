namespace Workbench.Domain.Learning;

/// <summary>How well a pupil holds a 単元, from their best <c>score.scaled</c> on it (DOMAIN: education).</summary>
public enum MasteryBand
{
    /// <summary>要支援: below <see cref="MasteryBandOptions.AlmostFrom"/>.</summary>
    NeedsSupport,

    /// <summary>もう少し.</summary>
    AlmostThere,

    /// <summary>定着: at or above <see cref="MasteryBandOptions.SecureFrom"/>.</summary>
    Secure,
}
