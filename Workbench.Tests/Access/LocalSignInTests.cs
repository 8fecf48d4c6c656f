using Microsoft.Extensions.Options;
using Workbench.Data.Access;
using Workbench.Domain.Access;
using Workbench.Features.Account;
using Workbench.Security;
using Workbench.Tests.Support;

namespace Workbench.Tests.Access;

public class LocalSignInTests
{
    private static async Task<(TempWarehouse Warehouse, LocalSignIn SignIn)> WithUserAsync(string password)
    {
        var warehouse = await TempWarehouse.CreateAsync();
        var users = warehouse.Get<AppUserStore>();
        await users.CreateAsync("tanaka", "田中 花子", "tanaka@example.jp", LocalSignIn.Hash("tanaka", password), [WorkbenchRoles.Teacher], CancellationToken.None);
        var signIn = new LocalSignIn(users, warehouse.Get<AuditLog>(), Options.Create(new AuthenticationSettings { MaxFailedSignIns = 3 }), TimeProvider.System);
        return (warehouse, signIn);
    }

    [Fact]
    public async Task The_right_password_signs_in_with_the_roles_and_every_attempt_is_audited()
    {
        var (warehouse, signIn) = await WithUserAsync("correct horse battery");
        await using var _ = warehouse;

        var wrong = await signIn.SignInAsync("tanaka", "nope", CancellationToken.None);
        var unknown = await signIn.SignInAsync("nobody", "nope", CancellationToken.None);
        var right = await signIn.SignInAsync("tanaka", "correct horse battery", CancellationToken.None);

        Assert.Equal(SignInOutcome.Failed, wrong.Outcome);
        Assert.Equal(SignInOutcome.Failed, unknown.Outcome);
        Assert.Equal(SignInOutcome.Succeeded, right.Outcome);
        Assert.Equal(new Caller("tanaka", new HashSet<string> { WorkbenchRoles.Teacher }).Roles, right.Principal!.ToCaller().Roles);
        var audit = await warehouse.Get<AuditLog>().ListAsync(new AuditFilter(), CancellationToken.None);
        Assert.Equal(
            [(AuditActions.SignIn, "tanaka"), (AuditActions.SignInFailed, "nobody"), (AuditActions.SignInFailed, "tanaka")],
            audit.Select(a => (a.Action, a.UserName)));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var (warehouse, signIn) = await WithUserAsync("correct horse battery");
        await using var _ = warehouse;

        var outcomes = new List<SignInOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add((await signIn.SignInAsync("tanaka", "wrong", CancellationToken.None)).Outcome);
        }

        var right = await signIn.SignInAsync("tanaka", "correct horse battery", CancellationToken.None);

        Assert.Equal([SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut], outcomes);
        Assert.Equal(SignInOutcome.LockedOut, right.Outcome);
        Assert.Null(right.Principal);
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_twelve_characters()
    {
        var (warehouse, signIn) = await WithUserAsync("correct horse battery");
        await using var _ = warehouse;

        Assert.False(await signIn.ChangePasswordAsync("tanaka", "wrong", "a much longer passphrase", CancellationToken.None));
        Assert.False(await signIn.ChangePasswordAsync("tanaka", "correct horse battery", "short", CancellationToken.None));
        Assert.True(await signIn.ChangePasswordAsync("tanaka", "correct horse battery", "a much longer passphrase", CancellationToken.None));

        Assert.Equal(SignInOutcome.Failed, (await signIn.SignInAsync("tanaka", "correct horse battery", CancellationToken.None)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await signIn.SignInAsync("tanaka", "a much longer passphrase", CancellationToken.None)).Outcome);
    }
}
