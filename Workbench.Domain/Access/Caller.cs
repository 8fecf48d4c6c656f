namespace Workbench.Domain.Access;

/// <summary>
/// Who is asking, as every query that returns rows takes it: the signed-in user's name and roles. Scopes are not
/// carried here but resolved inside the queries from this name, so a page cannot widen them.
/// </summary>
public sealed record Caller(string UserName, IReadOnlySet<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>Analysts see pseudonymised rows, never names; so does anyone whose only person-level role is Analyst.</summary>
    public bool SeesNames => Roles.Any(r => r is WorkbenchRoles.Teacher or WorkbenchRoles.SchoolAdmin or WorkbenchRoles.HealthStaff);
}
