using System.Text.Json.Nodes;
using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;
using static Workbench.Tests.Etl.XapiStatements;

namespace Workbench.Tests.Etl;

public class XapiImporterTests
{
    private static async Task<TempWarehouse> WarehouseWithRosterAsync()
    {
        var warehouse = await TempWarehouse.CreateAsync();
        await ImportRosterAsync(warehouse);
        return warehouse;
    }

    private static async Task ImportRosterAsync(TempWarehouse warehouse)
    {
        var roster = await warehouse.Get<EtlPipeline>().ImportAsync("oneroster", RosterFiles.Write(Path.Combine(warehouse.Directory, "roster"), pupils: 20), "test", null, CancellationToken.None);
        Assert.Equal(ImportStatus.Succeeded, roster.Status);
    }

    private static string WriteFile(TempWarehouse warehouse, string name, string content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Task<ImportResult> ImportAsync(TempWarehouse warehouse, string path) =>
        warehouse.Get<EtlPipeline>().ImportAsync("xapi", path, "test", null, CancellationToken.None);

    private static Task<ImportResult> ImportAsync(TempWarehouse warehouse, string name, string content) =>
        ImportAsync(warehouse, WriteFile(warehouse, name, content));

    private static async Task<List<T>> QueryAsync<T>(TempWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<T>(sql)];
    }

    private static Task<List<string>> StatementIdsAsync(TempWarehouse warehouse) =>
        QueryAsync<string>(warehouse, "SELECT statement_id FROM fact_learning_activity ORDER BY statement_id");

    private static string PupilKey(TempWarehouse warehouse, int pupil) => warehouse.Get<Pseudonymiser>().Of("tsuyama", RosterFiles.PupilId(pupil));

    /// <summary>Twenty good statements, one per pupil, numbered from <paramref name="firstId"/>.</summary>
    private static JsonObject[] Class(int firstId) => [.. Enumerable.Range(1, 20).Select(p => Answered(firstId + p - 1, PortalAccount(p)))];

    [Fact]
    public async Task A_statement_loads_with_its_pupil_Japan_time_unit_result_and_duration()
    {
        await using var warehouse = await WarehouseWithRosterAsync();

        var result = await ImportAsync(warehouse, "s.ndjson", Ndjson(
            Answered(1, PortalAccount(1), scaled: 0.8, timestamp: "2025-06-01T16:30:00Z"),
            Answered(2, PortalAccount(2), scaled: -0.5, timestamp: "2025-06-02T10:15:00+09:00")));

        Assert.True(result.Status == ImportStatus.Succeeded, string.Join(" / ", result.Rejects.Select(r => r.Reason)));
        Assert.Equal(2, result.Tables["fact_learning_activity"].Loaded);
        var rows = await QueryAsync<FactRow>(warehouse, """
            SELECT statement_id AS StatementId, pupil_key AS PupilKey, date_key AS DateKey, occurred_at AS OccurredAt, verb AS Verb,
                   activity_id AS ActivityId, unit_key AS UnitKey, score_scaled AS ScoreScaled, score_raw AS ScoreRaw, score_min AS ScoreMin,
                   score_max AS ScoreMax, success AS Success, completion AS Completion, duration_seconds AS DurationSeconds
            FROM fact_learning_activity ORDER BY statement_id
            """);
        var first = rows[0];
        Assert.Equal((Id(1), PupilKey(warehouse, 1)), (first.StatementId, first.PupilKey));
        Assert.Equal((20250602, new DateTime(2025, 6, 2, 1, 30, 0)), (first.DateKey, first.OccurredAt)); // 16:30 UTC is 01:30 the next day in Japan
        Assert.Equal((Verbs + "answered", Unit + "/q1", Unit), (first.Verb, first.ActivityId, first.UnitKey));
        Assert.Equal((0.8, 4.0, 0.0, 5.0, true, true, 16520.0), (first.ScoreScaled, first.ScoreRaw, first.ScoreMin, first.ScoreMax, first.Success, first.Completion, first.DurationSeconds));
        Assert.Equal((PupilKey(warehouse, 2), -0.5, false), (rows[1].PupilKey, rows[1].ScoreScaled, rows[1].Success));
        Assert.Equal(new DateTime(2025, 6, 2, 10, 15, 0), rows[1].OccurredAt);

        var unit = Assert.Single(await QueryAsync<(string, string?, string?, string?)>(warehouse, "SELECT unit_key, unit_title, subject, grade FROM dim_learning_unit"));
        Assert.Equal((Unit, UnitTitle, "算数", "P3"), unit);
    }

    [Fact]
    public async Task A_file_holding_one_pretty_printed_statement_loads()
    {
        await using var warehouse = await WarehouseWithRosterAsync();

        var result = await ImportAsync(warehouse, "one.json", PrettyObject(Answered(1, PortalAccount(1))));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal([Id(1)], await StatementIdsAsync(warehouse));
    }

    [Fact]
    public async Task A_JSON_array_loads_and_a_reject_names_the_line_its_statement_starts_on()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var statements = Class(1).Append(Answered(21, PortalAccount(1), scaled: 1.5)).ToArray();
        var text = PrettyArray(statements);
        var startLine = text.Split('\n').Select((line, i) => (line, i)).Where(l => l.line.Contains(Id(21), StringComparison.Ordinal)).Single().i; // the "id" line; "{" is the line before

        var result = await ImportAsync(warehouse, "array.json", text);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(20, (await StatementIdsAsync(warehouse)).Count);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("array.json", (long)startLine, "result.score.scaled"), (reject.SourcePart, reject.LineNumber, reject.FieldName));
        Assert.EndsWith("（配列の 21 件目）", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_a_BOM_and_CRLF_line_endings_loads_with_its_line_numbers()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var text = "\uFEFF" + Ndjson([.. Class(1), Answered(21, PortalAccount(1), scaled: -3)]).Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = await ImportAsync(warehouse, "crlf.ndjson", text);

        Assert.Equal(20, (await StatementIdsAsync(warehouse)).Count);
        Assert.Equal((21L, "result.score.scaled"), (Assert.Single(result.Rejects).LineNumber, Assert.Single(result.Rejects).FieldName));
    }

    [Fact]
    public async Task A_scaled_score_outside_minus_one_to_one_is_rejected_with_its_line_field_and_reason()
    {
        await using var warehouse = await WarehouseWithRosterAsync();

        var result = await ImportAsync(warehouse, "s.ndjson", Ndjson([.. Class(1), Answered(21, PortalAccount(3), scaled: 1.5)]));

        Assert.Equal(ImportStatus.Succeeded, result.Status); // 1 of 21 is under the 5 % threshold
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("s.ndjson", 21L, "result.score.scaled", "1.5"), (reject.SourcePart, reject.LineNumber, reject.FieldName, reject.MaskedValue));
        Assert.Contains("-1 から 1 の範囲", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Id(21), await StatementIdsAsync(warehouse));
    }

    [Fact]
    public async Task The_same_id_loads_once_within_a_file_and_across_overlapping_files()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var first = Ndjson(Answered(1, PortalAccount(1)), Answered(2, PortalAccount(2)), Answered(1, PortalAccount(1)));
        var overlapping = Ndjson(Answered(2, PortalAccount(2)), Answered(3, PortalAccount(3)));

        var one = await ImportAsync(warehouse, "a.ndjson", first);
        var two = await ImportAsync(warehouse, "b.ndjson", overlapping);

        Assert.Equal((3L, 2L), (one.RowsRead, one.RowsLoaded));
        Assert.Equal((2L, 1L), (two.RowsRead, two.RowsLoaded));
        Assert.Equal([Id(1), Id(2), Id(3)], await StatementIdsAsync(warehouse));
    }

    [Fact]
    public async Task When_two_copies_of_an_id_differ_the_first_copy_in_the_file_stays()
    {
        await using var warehouse = await WarehouseWithRosterAsync();

        await ImportAsync(warehouse, "a.ndjson", Ndjson(Answered(1, PortalAccount(1), scaled: 0.8), Answered(1, PortalAccount(1), scaled: 0.2, timestamp: "2025-06-01T08:00:00+09:00")));

        Assert.Equal([0.8], await QueryAsync<double>(warehouse, "SELECT score_scaled FROM fact_learning_activity"));
    }

    [Fact]
    public async Task A_statement_without_id_gets_the_same_id_however_it_is_formatted_and_re_imported()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var statement = Answered(null, PortalAccount(4));

        await ImportAsync(warehouse, "compact.ndjson", Ndjson(statement));
        var pretty = await ImportAsync(warehouse, "pretty.json", PrettyObject(statement)); // another file (other bytes), the same statement

        var id = Assert.Single(await StatementIdsAsync(warehouse));
        Assert.Equal(ImportStatus.Succeeded, pretty.Status);
        Assert.Equal(0, pretty.RowsLoaded);
        Assert.True(Guid.TryParseExact(id, "D", out _));
        Assert.Equal('8', id[14]); // a UUID version 8: derived, not random
    }

    [Fact]
    public async Task A_void_removes_a_statement_loaded_in_an_earlier_batch()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        await ImportAsync(warehouse, "a.ndjson", Ndjson(Answered(1, PortalAccount(1)), Answered(2, PortalAccount(2))));

        var voids = await ImportAsync(warehouse, "b.ndjson", Ndjson(Voiding(90, voided: 1)));

        Assert.Equal(ImportStatus.Succeeded, voids.Status);
        Assert.Equal(1, voids.Tables["xapi_voided_statement"].Loaded);
        Assert.Equal([Id(2)], await StatementIdsAsync(warehouse));
    }

    [Fact]
    public async Task A_voided_statement_never_loads_when_its_void_came_first_or_in_the_same_file()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        await ImportAsync(warehouse, "voids.ndjson", Ndjson(Voiding(90, voided: 1)));

        var later = await ImportAsync(warehouse, "later.ndjson", Ndjson(Answered(1, PortalAccount(1)), Answered(2, PortalAccount(2)), Voiding(91, voided: 2), Answered(3, PortalAccount(3))));

        Assert.Equal(ImportStatus.Succeeded, later.Status);
        Assert.Equal([Id(3)], await StatementIdsAsync(warehouse));
        Assert.DoesNotContain(Id(90), await StatementIdsAsync(warehouse)); // a voiding statement is no learning fact
    }

    [Fact]
    public async Task An_actor_missing_from_the_roster_is_rejected_and_the_same_file_loads_once_the_roster_has_arrived()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var file = WriteFile(warehouse, "s.ndjson", Ndjson(Class(1)));

        var before = await ImportAsync(warehouse, file);
        await ImportRosterAsync(warehouse);
        var after = await ImportAsync(warehouse, file);

        Assert.Equal(ImportStatus.Refused, before.Status);
        Assert.Equal(20, before.Rejects.Count);
        Assert.Equal("actor.account.name", before.Rejects[0].FieldName);
        Assert.StartsWith("名簿にない学習者です", before.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(RosterFiles.PupilId(501), before.Rejects[0].MaskedValue, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Succeeded, after.Status); // a refused batch is no reason to skip the file next time
        Assert.Equal(20, (await StatementIdsAsync(warehouse)).Count);
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var file = WriteFile(warehouse, "s.ndjson", Ndjson([.. Class(1), Voiding(90, voided: 5)]));
        var first = await ImportAsync(warehouse, file);
        var before = await StatementIdsAsync(warehouse);

        var again = await ImportAsync(warehouse, file);

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Contains($"バッチ #{first.BatchId}", again.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StatementIdsAsync(warehouse));
        Assert.Equal(19, before.Count);
    }

    [Fact]
    public async Task A_batch_over_the_reject_threshold_loads_nothing_not_even_its_voids()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        await ImportAsync(warehouse, "a.ndjson", Ndjson(Answered(1, PortalAccount(1))));
        var bad = Enumerable.Range(30, 2).Select(n => Answered(n, PortalAccount(1), scaled: 2));

        var result = await ImportAsync(warehouse, "b.ndjson", Ndjson([.. Class(100), .. bad, Voiding(90, voided: 1)]));

        Assert.Equal(ImportStatus.Refused, result.Status); // 2 of 23 exceed 5 %
        Assert.Contains("1行も取り込んでいません", result.Message, StringComparison.Ordinal);
        Assert.Equal([Id(1)], await StatementIdsAsync(warehouse));
        Assert.Empty(await QueryAsync<string>(warehouse, "SELECT voided_statement_id FROM xapi_voided_statement"));
    }

    [Fact]
    public async Task Actors_match_by_portal_id_sourcedId_username_mbox_and_mbox_sha1sum()
    {
        await using var warehouse = await WarehouseWithRosterAsync();

        var result = await ImportAsync(warehouse, "s.ndjson", Ndjson([
            Answered(1, Account(RosterFiles.PupilId(501))), // the 学習eポータル UUID (userMasterIdentifier)
            Answered(2, Account(RosterFiles.PupilId(2))), // the OneRoster sourcedId
            Answered(3, Account("s00000003")), // the username
            Answered(4, Mbox(RosterFiles.PupilEmail(4).ToUpperInvariant())),
            Answered(5, MboxSha1(RosterFiles.PupilEmail(5))),
            Answered(6, Account("s00000003")), // the same learner again: served from the cache
            Answered(7, MboxSha1("someone@example.com")),
            .. Class(100)]));

        var pupils = await QueryAsync<(string, string)>(warehouse, "SELECT statement_id, pupil_key FROM fact_learning_activity WHERE statement_id < '00000000-0000-4000-a000-000000000100' ORDER BY statement_id");
        Assert.Equal(
            [(Id(1), PupilKey(warehouse, 1)), (Id(2), PupilKey(warehouse, 2)), (Id(3), PupilKey(warehouse, 3)), (Id(4), PupilKey(warehouse, 4)), (Id(5), PupilKey(warehouse, 5)), (Id(6), PupilKey(warehouse, 3))],
            pupils);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((7L, "actor.mbox_sha1sum"), (reject.LineNumber, reject.FieldName));
    }

    [Fact]
    public async Task A_broken_line_is_rejected_with_its_line_and_the_other_lines_load()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var lines = Ndjson(Class(1)).Split('\n');
        lines[4] = lines[4][..40]; // cut off mid-statement

        var result = await ImportAsync(warehouse, "s.ndjson", string.Join('\n', lines.Take(10)) + "\n\n" + string.Join('\n', lines.Skip(10)));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((5L, null), (reject.LineNumber, reject.FieldName));
        Assert.StartsWith("JSON として読めません", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(19, (await StatementIdsAsync(warehouse)).Count);
    }

    [Theory]
    [InlineData("[\n{\"id\": \"x\"},\n{\"id\": \"y\"}\n", "配列が閉じていません")]
    [InlineData("[\n{\"id\": \"x\"},\n{\"id\": \"y\"\n", "ステートメントが閉じていません")]
    [InlineData("[\n{\"id\": \"x\"}\n{\"id\": \"y\"}\n]\n", "ステートメントの間に , がありません")]
    [InlineData("[\n{\"id\": \"x\"}\n] trailing\n", "] の後に余分な内容")]
    [InlineData("{\n  \"id\": \"unterminated\n}\n", "ステートメントが閉じていません")]
    [InlineData("\n\n", "空です")]
    [InlineData("id,actor\n", "xAPI の JSON ではありません")]
    public async Task A_file_that_cannot_be_read_as_JSON_fails_whole_with_a_clear_message(string content, string expected)
    {
        await using var warehouse = await WarehouseWithRosterAsync();

        var result = await ImportAsync(warehouse, "broken.json", content);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Empty(await StatementIdsAsync(warehouse));
    }

    [Fact]
    public async Task A_missing_timestamp_falls_back_to_stored_and_without_either_the_statement_is_rejected()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var stored = Answered(1, PortalAccount(1)).With("timestamp", null).With("stored", "2025-07-01T00:00:00Z");
        var neither = Answered(2, PortalAccount(2)).With("timestamp", null);

        var result = await ImportAsync(warehouse, "s.ndjson", Ndjson([.. Class(100), stored, neither]));

        Assert.Equal([new DateTime(2025, 7, 1, 9, 0, 0)], await QueryAsync<DateTime>(warehouse, $"SELECT occurred_at FROM fact_learning_activity WHERE statement_id = '{Id(1)}'"));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((22L, "timestamp"), (reject.LineNumber, reject.FieldName));
        Assert.Contains("stored", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_as_actor_and_a_bad_duration_are_rejected_with_their_reasons()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var group = Answered(1, new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(PortalAccount(1)) });
        var duration = Answered(2, PortalAccount(2));
        duration["result"]!["duration"] = "P1M";

        var result = await ImportAsync(warehouse, "s.ndjson", Ndjson([group, duration, .. Class(100), .. Class(200)]));

        Assert.Equal(
            [(1L, "actor.objectType", "グループ"), (2L, "result.duration", "ISO 8601")],
            result.Rejects.Select(r => (r.LineNumber, r.FieldName!, r.Reason.Contains("グループ", StringComparison.Ordinal) ? "グループ" : r.Reason.Contains("ISO 8601", StringComparison.Ordinal) ? "ISO 8601" : r.Reason)).ToList());
    }

    [Fact]
    public async Task Any_verb_is_stored_and_a_unit_comes_from_grouping_or_else_the_activity()
    {
        await using var warehouse = await WarehouseWithRosterAsync();
        var grouped = Answered(1, PortalAccount(1)).With("verb", new JsonObject { ["id"] = "https://w3id.org/xapi/adl/verbs/logged-in" });
        grouped["context"]!["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(new JsonObject { ["id"] = "https://example.jp/course/7" }) };
        var alone = Answered(2, PortalAccount(2)).With("context", null);

        await ImportAsync(warehouse, "s.ndjson", Ndjson(grouped, alone));

        Assert.Equal(
            [("https://w3id.org/xapi/adl/verbs/logged-in", "https://example.jp/course/7"), (Verbs + "answered", Unit + "/q1")],
            await QueryAsync<(string, string)>(warehouse, "SELECT verb, unit_key FROM fact_learning_activity ORDER BY statement_id"));
        Assert.Equal(
            [("https://example.jp/course/7", null), (Unit + "/q1", UnitTitle + " 練習問題1")],
            await QueryAsync<(string, string?)>(warehouse, "SELECT unit_key, unit_title FROM dim_learning_unit ORDER BY unit_key"));
    }

    private sealed record FactRow(
        string StatementId, string PupilKey, int DateKey, DateTime OccurredAt, string Verb, string ActivityId, string? UnitKey,
        double? ScoreScaled, double? ScoreRaw, double? ScoreMin, double? ScoreMax, bool? Success, bool? Completion, double? DurationSeconds);
}
