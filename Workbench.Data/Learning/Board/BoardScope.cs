using Workbench.Domain.Access;

namespace Workbench.Data.Learning.Board;

/// <summary>
/// Whose schools a board view covers: the whole city for the board of education and analysts, the caller's own
/// school (through user_class_scope, resolved in SQL) for a school admin. Any other caller gets nothing.
/// </summary>
public static class BoardScope
{
    public static IReadOnlyList<string> Roles { get; } = [WorkbenchRoles.BoardOfEducation, WorkbenchRoles.SchoolAdmin, WorkbenchRoles.Analyst];

    public static bool IsCityWide(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsIn(WorkbenchRoles.BoardOfEducation) || caller.IsIn(WorkbenchRoles.Analyst);
    }

    public static bool MayView(Caller caller) => Roles.Any(caller.IsIn);

    /// <summary>The parameters every board query takes for its scope.</summary>
    internal static (bool CityWide, string UserName) Parameters(Caller caller) =>
        MayView(caller)
            ? (IsCityWide(caller), caller.UserName)
            : throw new UnauthorizedAccessException($"{caller.UserName} may not see the board's views.");
}
