using Microsoft.AspNetCore.Authorization;
using Workbench.Domain.Access;

namespace Workbench.Security;

/// <summary>One policy per area of the workbench: which roles may open it. Pages carry <c>[Authorize(Policy = …)]</c>.</summary>
public static class WorkbenchPolicies
{
    public const string Learning = nameof(Learning);
    public const string Health = nameof(Health);
    public const string Transit = nameof(Transit);
    public const string Waste = nameof(Waste);
    public const string Reports = nameof(Reports);

    /// <summary>The board's 学習状況レポート: city-wide for the board and analysts, their own school for school admins.</summary>
    public const string LearningReports = nameof(LearningReports);
    public const string Data = nameof(Data);
    public const string Admin = nameof(Admin);

    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Learning] = [WorkbenchRoles.Teacher, WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.Analyst],
        [Health] = [WorkbenchRoles.HealthStaff, WorkbenchRoles.Analyst],
        [Transit] = [WorkbenchRoles.TransitPlanner, WorkbenchRoles.Analyst],
        [Waste] = [WorkbenchRoles.WastePlanner, WorkbenchRoles.Analyst],
        [Reports] = [WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.HealthStaff, WorkbenchRoles.TransitPlanner, WorkbenchRoles.WastePlanner, WorkbenchRoles.Analyst],
        [LearningReports] = [WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.Analyst],
        [Data] = [WorkbenchRoles.Admin],
        [Admin] = [WorkbenchRoles.Admin],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in Roles)
        {
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Everything not marked otherwise (pages, endpoints, the circuit's hub) needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
