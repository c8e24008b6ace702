using System.Diagnostics;
using System.Globalization;
using Juhe.Tasks;

namespace Juhe.Cli;

/// <summary>
/// The live progress line while a task runs: redrawn in place on a terminal (state, percent, a bar,
/// elapsed time), one line per change when stderr is a file or a pipe.
/// </summary>
internal sealed class TaskProgressLine<T> : IProgress<JuheTaskSnapshot<T>>
{
    private const int BarWidth = 24;
    private readonly string _what;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private int _drawnWidth;

    public TaskProgressLine(string what)
    {
        _what = what;
        Draw(null);
    }

    public void Report(JuheTaskSnapshot<T> value) => Draw(value);

    /// <summary>Ends the line so the next output starts on its own.</summary>
    public void Finish(JuheTaskSnapshot<T>? final)
    {
        if (Terminal.StyledErrors)
        {
            Draw(final);
            Terminal.Error.WriteLine();
        }
    }

    private void Draw(JuheTaskSnapshot<T>? snapshot)
    {
        string state = snapshot is null ? "submitting" : snapshot.State.ToString().ToLowerInvariant();
        string percent = snapshot?.ProgressPercent is { } p ? string.Create(CultureInfo.InvariantCulture, $" {p,3:0}%") : "";
        string bar = snapshot?.ProgressPercent is { } q ? " [" + new string('#', (int)(q / 100 * BarWidth)).PadRight(BarWidth, '.') + "]" : "";
        string id = snapshot is null ? "" : $" {snapshot.TaskId}";
        string line = string.Create(CultureInfo.InvariantCulture, $"{_what}{id}: {state}{percent}{bar} {_elapsed.Elapsed.TotalSeconds:0.0}s");
        lock (_gate)
        {
            if (Terminal.StyledErrors)
            {
                Terminal.Error.Write("\r" + line.PadRight(_drawnWidth));
                _drawnWidth = line.Length;
            }
            else
            {
                Terminal.Error.WriteLine(line);
            }
        }
    }
}
