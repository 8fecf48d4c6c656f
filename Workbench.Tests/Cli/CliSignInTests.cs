using Workbench.Data.Access;
using Workbench.Domain.Access;
using Workbench.Features.Account;
using Workbench.Tests.Support;

namespace Workbench.Tests.Cli;

public class CliSignInTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static Dictionary<string, string> As(string user, string password) => new() { ["WORKBENCH_USER"] = user, ["WORKBENCH_PASSWORD"] = password };

    [Fact]
    public async Task Once_accounts_exist_warehouse_commands_need_an_admin_sign_in_and_it_is_audited()
    {
        var warehouse = await TempWarehouse.CreateAsync();
        var directory = warehouse.Directory;
        var users = warehouse.Get<AppUserStore>();
        await users.CreateAsync("ops", "運用 担当", null, LocalSignIn.Hash("ops", "ops password 123"), [WorkbenchRoles.Admin], CancellationToken.None);
        await users.CreateAsync("sensei", "教員", null, LocalSignIn.Hash("sensei", "teacher password 1"), [WorkbenchRoles.Teacher], CancellationToken.None);
        await warehouse.CloseAsync();

        var data = $"--Warehouse:DataDirectory={directory}";
        var nobody = await AppProcess.RunAsync(Timeout, "etl", "batches", data);
        var teacher = await AppProcess.RunWithAsync(Timeout, As("sensei", "teacher password 1"), "etl", "batches", data);
        var wrong = await AppProcess.RunWithAsync(Timeout, As("ops", "not it"), "etl", "batches", data);
        var admin = await AppProcess.RunWithAsync(Timeout, As("ops", "ops password 123"), "etl", "batches", data);

        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("サインインが必要です", nobody.Errors, StringComparison.Ordinal);
        Assert.Equal(1, teacher.ExitCode);
        Assert.Contains("Admin の役割が必要です", teacher.Errors, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.True(admin.ExitCode == 0, admin.Output + admin.Errors);

        await using var reopened = await TempWarehouse.CreateAsync(directory: directory);
        var audit = await reopened.Get<AuditLog>().ListAsync(new AuditFilter(), CancellationToken.None);
        Assert.Equal(
            [("ops", AuditActions.SignIn), ("ops", AuditActions.SignInFailed), ("sensei", AuditActions.AccessDenied), ("sensei", AuditActions.SignIn)],
            audit.Select(a => (a.UserName, a.Action)));
    }
}
