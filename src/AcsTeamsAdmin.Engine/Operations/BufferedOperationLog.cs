using System.Collections.Concurrent;

namespace AcsTeamsAdmin.Engine.Operations;

/// <summary>
/// Keeps log lines written from worker tasks until the front end's thread flushes them to the real log: a
/// cmdlet may write verbose and debug text only from its pipeline thread.
/// </summary>
public sealed class BufferedOperationLog : IOperationLog
{
    private readonly ConcurrentQueue<(char Kind, string Message)> _lines = new();

    public void Verbose(string message) => _lines.Enqueue(('V', message));

    public void Debug(string message) => _lines.Enqueue(('D', message));

    public void Warning(string message) => _lines.Enqueue(('W', message));

    /// <summary>Writes the buffered lines to <paramref name="log"/>, oldest first.</summary>
    public void FlushTo(IOperationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        while (_lines.TryDequeue(out var line))
        {
            switch (line.Kind)
            {
                case 'V':
                    log.Verbose(line.Message);
                    break;
                case 'D':
                    log.Debug(line.Message);
                    break;
                default:
                    log.Warning(line.Message);
                    break;
            }
        }
    }
}
