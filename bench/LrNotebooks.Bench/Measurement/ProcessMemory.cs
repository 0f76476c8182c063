namespace LrNotebooks.Bench.Measurement;

/// <summary>This process's resident memory, from /proc (Linux).</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes() => StatusField("VmRSS");

    /// <summary>Peak resident memory since the last <see cref="ResetPeak"/> (or since the process started).</summary>
    public static long PeakResidentBytes() => StatusField("VmHWM");

    /// <summary>Resets the peak to the current resident size (writing 5 to clear_refs; Linux 4.0+).</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    /// <summary>Collects garbage twice (finalizers free native tensors in between), so managed leftovers do not count.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long StatusField(string name)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
                return long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0]) * 1024;
        throw new InvalidOperationException($"/proc/self/status has no {name}.");
    }

    public static string Mb(long bytes) => $"{bytes / 1048576.0:0.0} MB";
}
