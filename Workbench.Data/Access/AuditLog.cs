using Dapper;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Access;

public sealed record AuditEntry(long AuditId, DateTime OccurredAt, string UserName, string Action, string? Target, string? FilterText, long? RowCount);

public sealed record AuditFilter(string? UserName = null, string? Action = null, DateTime? From = null, DateTime? To = null, int MaxRows = 500);

/// <summary>
/// The audit log: every person-level view, every export and every sign-in. Times are UTC. Actions are short codes
/// (<see cref="AuditActions"/>) so the 管理 page can filter them.
/// </summary>
public sealed class AuditLog(IWarehouseConnectionFactory connections, SqlCatalogue sql, TimeProvider time)
{
    public async Task WriteAsync(string userName, string action, string? target, string? filterText, long? rowCount, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql["access/audit_insert"], new
        {
            occurred_at = time.GetUtcNow().UtcDateTime,
            user_name = userName,
            action,
            target,
            filter_text = filterText,
            row_count = rowCount,
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<AuditEntry>(new CommandDefinition(sql["access/audit_list"], new
        {
            user_name = filter.UserName,
            action = filter.Action,
            from_time = filter.From,
            to_time = filter.To,
            max_rows = filter.MaxRows,
        }, cancellationToken: cancellationToken))];
    }
}

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string PasswordChanged = "password-changed";
    public const string PersonView = "person-view";
    public const string Export = "export";
    public const string AccessDenied = "access-denied";
    public const string ScopeChanged = "scope-changed";
    public const string UserChanged = "user-changed";

    public static IReadOnlyList<string> All { get; } = [SignIn, SignInFailed, SignOut, PasswordChanged, PersonView, Export, AccessDenied, ScopeChanged, UserChanged];
}
