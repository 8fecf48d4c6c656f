using System.Data.Common;
using Dapper;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Access;

public sealed record AppUser(string UserName, string DisplayName, string? Email, string? PasswordHash, int FailedSignIns, DateTime? LockedUntil);

public sealed record AppUserSummary(string UserName, string DisplayName, string? Email, string? Roles, DateTime? LockedUntil);

public sealed record UserScopeRow(string UserName, string Kind, string Value);

public sealed record RosterTeacher(string UserName, string? Email, string? FamilyName, string? GivenName, string SchoolKey);

/// <summary>Accounts, roles and hand-edited scopes in the warehouse (<c>app_user</c>, <c>app_user_role</c>, <c>user_scope</c>).</summary>
public sealed class AppUserStore(IWarehouseConnectionFactory connections, SqlCatalogue sql, TimeProvider time)
{
    public static IReadOnlyList<string> ScopeKinds { get; } = ["class", "school", "area"];

    public async Task<AppUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppUser>(Command("access/user_find", new { user_name = userName }, cancellationToken));
    }

    public async Task<IReadOnlySet<string>> RolesAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(Command("access/user_roles", new { user_name = userName }, cancellationToken))).ToHashSet(StringComparer.Ordinal);
    }

    public async Task RecordFailedSignInAsync(string userName, int maxFailures, DateTime lockUntilUtc, CancellationToken cancellationToken) =>
        await ExecuteAsync("access/user_sign_in_failed", new { user_name = userName, max_failures = maxFailures, lock_until = lockUntilUtc }, cancellationToken);

    /// <summary>After a good sign-in, or when an admin unlocks the account.</summary>
    public async Task ResetFailuresAsync(string userName, CancellationToken cancellationToken) =>
        await ExecuteAsync("access/user_reset_failures", new { user_name = userName }, cancellationToken);

    public async Task RemoveRoleAsync(string userName, string role, CancellationToken cancellationToken) =>
        await ChangeAccessAsync("access/user_role_delete", userName, new { user_name = userName, role_name = role }, cancellationToken);

    public async Task SetPasswordHashAsync(string userName, string passwordHash, CancellationToken cancellationToken) =>
        await ExecuteAsync("access/user_set_password", new { user_name = userName, password_hash = passwordHash }, cancellationToken);

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command("access/user_count", null, cancellationToken));
    }

    /// <summary>
    /// Creates the user (or, for an existing one, adds the roles; with <paramref name="replaceRoles"/> the roles become
    /// exactly these, as Entra ID's token says at each sign-in), in one transaction.
    /// </summary>
    public async Task CreateAsync(
        string userName, string displayName, string? email, string? passwordHash, IEnumerable<string> roles, CancellationToken cancellationToken, bool replaceRoles = false)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var exists = await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(sql["access/user_find"], new { user_name = userName }, transaction, cancellationToken: cancellationToken));
        if (exists is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["access/user_insert"], new
            {
                user_name = userName,
                display_name = displayName,
                email,
                password_hash = passwordHash,
                created_at = time.GetUtcNow().UtcDateTime,
            }, transaction, cancellationToken: cancellationToken));
        }

        if (replaceRoles)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["access/user_roles_delete"], new { user_name = userName }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var role in roles)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["access/user_role_insert"], new { user_name = userName, role_name = role }, transaction, cancellationToken: cancellationToken));
        }

        await RefreshClassScopeAsync(connection, transaction, userName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AppUserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<AppUserSummary>(Command("access/user_list", null, cancellationToken))];
    }

    public async Task<IReadOnlyList<UserScopeRow>> ScopesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<UserScopeRow>(Command("access/scope_list", null, cancellationToken))];
    }

    public async Task AddScopeAsync(UserScopeRow scope, CancellationToken cancellationToken) =>
        await ChangeAccessAsync("access/scope_insert", scope.UserName, ScopeParameters(scope), cancellationToken);

    public async Task RemoveScopeAsync(UserScopeRow scope, CancellationToken cancellationToken) =>
        await ChangeAccessAsync("access/scope_delete", scope.UserName, ScopeParameters(scope), cancellationToken);

    /// <summary>Homeroom teachers of the latest roster, for the demo accounts.</summary>
    public async Task<IReadOnlyList<RosterTeacher>> RosterTeachersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<RosterTeacher>(Command("access/demo_teachers", null, cancellationToken))];
    }

    private static object ScopeParameters(UserScopeRow scope)
    {
        if (!ScopeKinds.Contains(scope.Kind, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown scope kind {scope.Kind}.", nameof(scope));
        }

        return new { user_name = scope.UserName, scope_kind = scope.Kind, scope_value = scope.Value };
    }

    private CommandDefinition Command(string name, object? parameters, CancellationToken cancellationToken) =>
        new(sql[name], parameters, cancellationToken: cancellationToken);

    private async Task ExecuteAsync(string name, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(name, parameters, cancellationToken));
    }

    /// <summary>A change of a user's roles or scopes, and their rows of <c>user_class_scope</c> recomputed with it.</summary>
    private async Task ChangeAccessAsync(string name, string userName, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql[name], parameters, transaction, cancellationToken: cancellationToken));
        await RefreshClassScopeAsync(connection, transaction, userName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RefreshClassScopeAsync(DbConnection connection, DbTransaction transaction, string userName, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(sql["access/user_class_scope_refresh"], new { user_name = userName }, transaction, cancellationToken: cancellationToken));
}
