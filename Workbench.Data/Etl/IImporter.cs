namespace Workbench.Data.Etl;

/// <summary>
/// One source format. An importer streams its input, validates every row (rejecting bad ones through the
/// context), stages the good rows and merges them, all inside the batch's transaction.
/// </summary>
public interface IImporter
{
    /// <summary>The kind named on the command line: <c>etl import attendance file.csv</c>.</summary>
    string Kind { get; }

    Task ImportAsync(ImportContext context, CancellationToken cancellationToken);
}
