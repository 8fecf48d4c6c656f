using Workbench.Data.Learning;

namespace Workbench.Features.Learning;

/// <summary>A row of the 担当の学級 grid as the teacher reads it: the grid sorts, filters and exports these values.</summary>
public sealed record ClassRow(string ClassKey, string School, string ClassTitle, string Subject, long Pupils, bool IsSpecialNeeds)
{
    /// <param name="homeroom">The word for a homeroom class, which has no subject.</param>
    public static ClassRow From(ClassSummary summary, string homeroom)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.ClassKey, summary.SchoolName, summary.ClassTitle,
            summary.ClassType == "homeroom" ? homeroom : summary.Subject ?? string.Empty, summary.Pupils, summary.IsSpecialNeeds);
    }
}
