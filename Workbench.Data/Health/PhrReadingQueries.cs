using Dapper;
using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;

namespace Workbench.Data.Health;

public sealed record PhrReading(string ResidentKey, DateTime MeasuredAt, string Code, double ReadingValue, string? Unit);

/// <summary>PHR readings, person by person: the caller's areas only, and only residents whose current consent is given.</summary>
public sealed class PhrReadingQueries(IWarehouseConnectionFactory connections, SqlCatalogue sql, AuditLog audit)
{
    public async Task<IReadOnlyList<PhrReading>> ReadingsAsync(Caller caller, int fromDateKey, int toDateKey, CancellationToken cancellationToken)
    {
        IReadOnlyList<PhrReading> rows;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            rows = [.. await connection.QueryAsync<PhrReading>(new CommandDefinition(sql["health/phr_readings"],
                new { user_name = caller.UserName, from_date_key = fromDateKey, to_date_key = toDateKey }, cancellationToken: cancellationToken))];
        }

        await audit.WriteAsync(caller.UserName, AuditActions.PersonView, "health/phr_readings", $"{fromDateKey}–{toDateKey}", rows.Count, cancellationToken);
        return rows;
    }
}
