namespace LrNotebooks.Bench.Measurement;

/// <summary>Resident memory of this process (or of another one, read from outside), from /proc (Linux).</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes() => StatusField("self", "VmRSS");

    /// <summary>Another process's resident memory, read from outside it (nothing runs inside that process).</summary>
    public static long ResidentBytes(int pid) => StatusField(pid.ToString(), "VmRSS");

    /// <summary>Peak resident memory since the last <see cref="ResetPeak"/> (or since the process started).</summary>
    public static long PeakResidentBytes() => StatusField("self", "VmHWM");

    /// <summary>
    /// The largest (by resident memory) process started, directly or not, by this one: for a host launched through
    /// `dotnet interactive`, whose muxer starts the kernel as a child process we hold no handle to.
    /// </summary>
    public static int LargestDescendant()
    {
        var parentOf = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out int pid) && TryParentPid(pid) is { } parent)
                parentOf[pid] = parent;
        int self = Environment.ProcessId;
        bool DescendsFromSelf(int pid)
        {
            for (int p = pid; parentOf.TryGetValue(p, out int parent) && parent > 1; p = parent)
                if (parent == self) return true;
            return false;
        }
        var descendants = parentOf.Keys.Where(DescendsFromSelf).ToList();
        if (descendants.Count == 0) throw new InvalidOperationException("This process has no child processes.");
        return descendants.MaxBy(pid => TryResidentBytes(pid) ?? -1);
    }

    private static int? TryParentPid(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which is in parentheses and may contain spaces): state, ppid, ...
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException) { return null; }   // the process ended while we looked
    }

    private static long? TryResidentBytes(int pid)
    {
        try { return ResidentBytes(pid); }
        catch (Exception e) when (e is IOException or InvalidOperationException) { return null; }   // ended, or a zombie
    }

    /// <summary>Resets the peak to the current resident size (writing 5 to clear_refs; Linux 4.0+).</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    /// <summary>Collects garbage twice (finalizers free native tensors in between), so managed leftovers do not count.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long StatusField(string process, string name)
    {
        foreach (var line in File.ReadLines($"/proc/{process}/status"))
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
                return long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0]) * 1024;
        throw new InvalidOperationException($"/proc/{process}/status has no {name}.");
    }

    public static string Mb(long bytes) => $"{bytes / 1048576.0:0.0} MB";
}
