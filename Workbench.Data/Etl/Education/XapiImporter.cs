namespace Workbench.Data.Etl.Education;

/// <summary>
/// xAPI statements (one object, an array, or one per line; or a folder of such files) into fact_learning_activity.
/// Statements are streamed and parsed without a DOM, judged by <see cref="XapiRules"/>, matched to the roster by
/// <see cref="XapiActorMatcher"/>, and staged with the bulk loader; etl/xapi_merge then keeps one row per statement
/// id (within the batch and across batches), applies voids whichever batch brings the voided statement, and upserts
/// the 単元 in dim_learning_unit.
/// A statement whose actor is not in the roster is rejected. If that makes the whole file exceed the reject
/// threshold the batch is refused, and importing the same file again after the roster has arrived loads it (refused
/// and failed batches are never a no-op). If only a few were rejected the batch succeeded, and the same file is then
/// a no-op like any other: those statements load when they come again in a later file — safe, as overlapping files
/// never duplicate a statement.
/// </summary>
public sealed class XapiImporter : IImporter
{
    public const string FactTable = "fact_learning_activity";
    public const string VoidTable = "xapi_voided_statement";

    private static readonly string[] FactColumns =
    [
        "statement_id", "pupil_key", "date_key", "occurred_at", "verb", "activity_id", "unit_key", "score_scaled",
        "score_raw", "score_min", "score_max", "success", "completion", "duration_seconds", "batch_id",
    ];

    private static readonly string[] VoidColumns = ["voided_statement_id", "voiding_statement_id", "batch_id"];
    private static readonly string[] UnitColumns = ["unit_key", "unit_title", "subject", "grade", "batch_id"];
    private static readonly string[] Extensions = [".json", ".ndjson", ".jsonl"];

    public string Kind => "xapi";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var files = FilesOf(context.SourcePath);
        var learners = await context.QueryAsync<XapiLearner>("etl/xapi_known_learners", null, cancellationToken);
        var batch = new XapiBatch(context, new XapiActorMatcher(learners, context.Pseudonyms, context.EducationSource));

        await context.StageAsync("stage_" + FactTable, FactColumns, batch.Facts(files), cancellationToken);
        await context.StageAsync("stage_" + VoidTable, VoidColumns, batch.Voids, cancellationToken);
        await context.StageAsync("stage_dim_learning_unit", UnitColumns, batch.Units, cancellationToken);
        await context.ExecuteAsync("etl/xapi_merge", null, cancellationToken);

        var loaded = (await context.QueryAsync<XapiLoaded>("etl/xapi_batch_loaded", new { batch_id = context.BatchId }, cancellationToken)).Single();
        context.Table(FactTable).Loaded = loaded.Facts;
        if (context.Tables.ContainsKey(VoidTable))
        {
            context.Table(VoidTable).Loaded = loaded.Voids;
        }
    }

    /// <summary>The file, or a folder's .json / .ndjson / .jsonl files in name order.</summary>
    private static List<string> FilesOf(string path)
    {
        if (!Directory.Exists(path))
        {
            return [path];
        }

        var files = Directory.EnumerateFiles(path)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new EtlFileException($"フォルダ {Path.GetFileName(path)} に xAPI のファイル（.json・.ndjson・.jsonl）がありません。");
    }

    private sealed record XapiLoaded(long Facts, long Voids);
}
