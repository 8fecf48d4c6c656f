namespace Workbench.Hosting;

/// <summary>Progress as plain console lines, written at once (<see cref="Progress{T}"/> would post them out of order).</summary>
internal sealed class ConsoleLines : IProgress<string>
{
    public void Report(string value) => Console.WriteLine(value);
}
