namespace LrNotebooks.Demo;

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool and interleave output).</summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
