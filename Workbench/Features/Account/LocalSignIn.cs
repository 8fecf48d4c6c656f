using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workbench.Data.Access;
using Workbench.Security;

namespace Workbench.Features.Account;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal, DateTime? LockedUntilUtc = null);

/// <summary>Local accounts: ASP.NET Core's password hasher, lock-out after repeated failures, every attempt audited.</summary>
public sealed class LocalSignIn(AppUserStore users, AuditLog audit, IOptions<AuthenticationSettings> settings, TimeProvider time)
{
    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string userName, string password) => Hasher.HashPassword(userName, password);

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (user is { LockedUntil: { } until } && until > now)
        {
            await audit.WriteAsync(userName, AuditActions.SignInFailed, "local", "locked out", null, cancellationToken);
            return new SignInResult(SignInOutcome.LockedOut, null, until);
        }

        var verified = user?.PasswordHash is { } hash && Hasher.VerifyHashedPassword(userName, hash, password) != PasswordVerificationResult.Failed;
        if (!verified)
        {
            if (user is not null)
            {
                var lockUntil = now.AddMinutes(settings.Value.LockoutMinutes);
                await users.RecordFailedSignInAsync(userName, settings.Value.MaxFailedSignIns, lockUntil, cancellationToken);
                if (user.FailedSignIns + 1 >= settings.Value.MaxFailedSignIns)
                {
                    await audit.WriteAsync(userName, AuditActions.SignInFailed, "local", "locked out now", null, cancellationToken);
                    return new SignInResult(SignInOutcome.LockedOut, null, lockUntil);
                }
            }

            // The same answer for an unknown user and a wrong password.
            await audit.WriteAsync(userName, AuditActions.SignInFailed, "local", null, null, cancellationToken);
            return new SignInResult(SignInOutcome.Failed, null);
        }

        await users.ResetFailuresAsync(userName, cancellationToken);
        await audit.WriteAsync(userName, AuditActions.SignIn, "local", null, null, cancellationToken);
        var roles = await users.RolesAsync(userName, cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, CallerPrincipal.Create(userName, user!.DisplayName, roles, "Local"));
    }

    /// <summary>False when the current password is wrong; the new one must be at least 12 characters.</summary>
    public async Task<bool> ChangePasswordAsync(string userName, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        if (user?.PasswordHash is not { } hash || Hasher.VerifyHashedPassword(userName, hash, currentPassword) == PasswordVerificationResult.Failed
            || newPassword.Length < 12)
        {
            return false;
        }

        await users.SetPasswordHashAsync(userName, Hash(userName, newPassword), cancellationToken);
        await audit.WriteAsync(userName, AuditActions.PasswordChanged, "local", null, null, cancellationToken);
        return true;
    }
}
