using System.Data.Common;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Workbench.Data.Access;
using Workbench.Domain.Access;
using Workbench.Features.Account;
using Workbench.Security;

namespace Workbench.Cli;

/// <summary>
/// The command line signs in like the web app, with a local account: <c>WORKBENCH_USER</c> and
/// <c>WORKBENCH_PASSWORD</c>, or a prompt on a terminal. A warehouse without any account yet (before the first
/// start) is being set up by whoever holds its files, and needs none.
/// </summary>
internal static class CliSignIn
{
    public const string UserVariable = "WORKBENCH_USER";
    public const string PasswordVariable = "WORKBENCH_PASSWORD";

    /// <summary>The signed-in caller, or null after printing why not.</summary>
    public static async Task<Caller?> SignInAsync(IServiceProvider services, string requiredRole, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<AppUserStore>();
        if (await CountAccountsAsync(users, cancellationToken) == 0)
        {
            return new Caller(Environment.UserName, new HashSet<string>(WorkbenchRoles.All, StringComparer.Ordinal));
        }

        var (user, password) = Credentials();
        if (user is null || password is null)
        {
            await Console.Error.WriteLineAsync($"エラー: サインインが必要です。環境変数 {UserVariable} と {PasswordVariable} を設定してください。");
            return null;
        }

        var signIn = new LocalSignIn(users, services.GetRequiredService<AuditLog>(), services.GetRequiredService<IOptions<AuthenticationSettings>>(), TimeProvider.System);
        var result = await signIn.SignInAsync(user, password, cancellationToken);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            await Console.Error.WriteLineAsync(result.Outcome == SignInOutcome.LockedOut
                ? "エラー: サインインに続けて失敗したため、このアカウントはロックされています。"
                : "エラー: ユーザー名またはパスワードが正しくありません。");
            return null;
        }

        var caller = result.Principal!.ToCaller();
        if (!caller.IsIn(requiredRole))
        {
            await Console.Error.WriteLineAsync($"エラー: このコマンドには {requiredRole} の役割が必要です。");
            await services.GetRequiredService<AuditLog>().WriteAsync(caller.UserName, AuditActions.AccessDenied, "cli", requiredRole, null, cancellationToken);
            return null;
        }

        return caller;
    }

    private static (string? User, string? Password) Credentials()
    {
        var user = Environment.GetEnvironmentVariable(UserVariable);
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsInputRedirected)
        {
            user ??= AnsiConsole.Prompt(new TextPrompt<string>("ユーザー名 / user:"));
            password ??= AnsiConsole.Prompt(new TextPrompt<string>("パスワード / password:").Secret());
        }

        return (user, password);
    }

    private static async Task<long> CountAccountsAsync(AppUserStore users, CancellationToken cancellationToken)
    {
        try
        {
            return await users.CountAsync(cancellationToken);
        }
        catch (DbException)
        {
            return 0; // no schema yet: db migrate on a new warehouse
        }
    }
}
