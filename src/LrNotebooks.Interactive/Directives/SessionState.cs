using LrNotebooks.RangeTest;

namespace LrNotebooks.Interactive.Directives;

/// <summary>What one kernel session remembers between cells: the last range test (for <c>--max-lr auto</c>).</summary>
internal sealed class SessionState
{
    public RangeTestResult? LastRangeTest { get; set; }

    /// <summary>Held while a run trains, so runs never overlap (an interrupted run may still be restoring the model).</summary>
    public SemaphoreSlim RunGate { get; } = new(1, 1);
}
