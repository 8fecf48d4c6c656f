using System.Collections.Concurrent;

namespace Workbench.Data.Etl;

/// <summary>
/// Runs a row producer (reading and validating a source) on another thread and hands its rows over in chunks, so
/// that parsing and the bulk load each have a core. Rows keep their order. The producer's own failure (an
/// <see cref="EtlFileException"/>, say) reaches the consumer as it was thrown; if the consumer stops early, the
/// producer is stopped too. Only the producer may touch the batch's <see cref="ImportContext"/> while this runs.
/// </summary>
internal static class RowsAhead
{
    public static IEnumerable<T> Of<T>(Func<IEnumerable<T>> produce, int chunkSize = 2048, int chunksAhead = 8)
    {
        using var queue = new BlockingCollection<T[]>(chunksAhead);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                var chunk = new List<T>(chunkSize);
                foreach (var row in produce())
                {
                    chunk.Add(row);
                    if (chunk.Count == chunkSize)
                    {
                        queue.Add([.. chunk], stop.Token);
                        chunk.Clear();
                    }
                }

                if (chunk.Count > 0)
                {
                    queue.Add([.. chunk], stop.Token);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                foreach (var row in chunk)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            stop.Cancel(); // nothing to do when the producer has finished; otherwise the consumer gave up
            ((IAsyncResult)producer).AsyncWaitHandle.WaitOne();
        }

        producer.GetAwaiter().GetResult(); // rethrows the producer's failure as it was thrown
    }
}
