using System.Security.Claims;
using Workbench.Domain.Access;
using Workbench.Security;

namespace Workbench.Tests.Access;

public class EntraRoleMappingTests
{
    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "AuthenticationTypes.Federation", "name", "roles"));

    [Fact]
    public void App_roles_from_the_roles_claim_become_workbench_roles_and_unknown_ones_are_dropped()
    {
        var principal = Token(("upn", "sato@city.tsuyama.lg.jp"), ("roles", "Teacher"), ("roles", "Workbench.Analyst"), ("roles", "GlobalAdmin"));

        EntraRoleMapping.Apply(principal);
        var caller = principal.ToCaller();

        Assert.Equal("sato@city.tsuyama.lg.jp", caller.UserName);
        Assert.Equal([WorkbenchRoles.Analyst, WorkbenchRoles.Teacher], caller.Roles.Order(StringComparer.Ordinal));
        Assert.True(principal.IsInRole(WorkbenchRoles.Analyst)); // what the area policies check
    }

    [Fact]
    public void Without_a_upn_the_preferred_username_names_the_user_and_no_roles_means_none()
    {
        var principal = Token(("preferred_username", "suzuki@city.tsuyama.lg.jp"));

        EntraRoleMapping.Apply(principal);

        Assert.Equal("suzuki@city.tsuyama.lg.jp", principal.ToCaller().UserName);
        Assert.Empty(principal.ToCaller().Roles);
    }

    [Fact]
    public void An_analyst_never_sees_names_and_a_teacher_does()
    {
        Assert.False(new Caller("a", new HashSet<string> { WorkbenchRoles.Analyst, WorkbenchRoles.BoardOfEducation }).SeesNames);
        Assert.True(new Caller("t", new HashSet<string> { WorkbenchRoles.Teacher }).SeesNames);
    }
}
