namespace Workbench.Domain.Access;

/// <summary>The roles of DESIGN §6, as app roles in Entra ID and rows of <c>app_user_role</c>.</summary>
public static class WorkbenchRoles
{
    public const string Teacher = nameof(Teacher);
    public const string SchoolAdmin = nameof(SchoolAdmin);
    public const string BoardOfEducation = nameof(BoardOfEducation);
    public const string HealthStaff = nameof(HealthStaff);
    public const string TransitPlanner = nameof(TransitPlanner);
    public const string WastePlanner = nameof(WastePlanner);
    public const string Analyst = nameof(Analyst);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } =
        [Teacher, SchoolAdmin, BoardOfEducation, HealthStaff, TransitPlanner, WastePlanner, Analyst, Admin];
}
