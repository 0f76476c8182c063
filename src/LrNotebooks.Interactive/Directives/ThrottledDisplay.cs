using System.Diagnostics;
using Microsoft.DotNet.Interactive.Formatting;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// Progress shown in one output updated in place, at most once per <paramref name="interval"/> (a notebook front end
/// chokes on hundreds of updates per second). Reports arrive on the run's thread, synchronously.
/// </summary>
internal sealed class ThrottledDisplay<T>(DisplayedValue display, Func<T, object> render, TimeSpan interval) : IProgress<T>
{
    private readonly Stopwatch _sinceUpdate = Stopwatch.StartNew();
    private readonly object _gate = new();
    private bool _updatedOnce;

    public int Updates { get; private set; }

    public void Report(T value)
    {
        lock (_gate)
        {
            if (_updatedOnce && _sinceUpdate.Elapsed < interval) return;
            Show(render(value));
        }
    }

    /// <summary>The last word, shown whatever the throttle says.</summary>
    public void Finish(object final)
    {
        lock (_gate) Show(final);
    }

    private void Show(object value)
    {
        display.Update(value);
        Updates++;
        _updatedOnce = true;
        _sinceUpdate.Restart();
    }
}
