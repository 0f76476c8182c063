using System.Runtime.InteropServices;

namespace LrNotebooks.Bench.Measurement;

/// <summary>What a result was measured on, printed at the top of every run.</summary>
internal static class Machine
{
    public static string Describe()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        string os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME="))?.Split('=', 2)[1].Trim('"') ?? "?"
            : RuntimeInformation.OSDescription;
        double memoryGb = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9;
        double[] load = File.Exists("/proc/loadavg")
            ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(double.Parse).ToArray()
            : [];
        return $"{os}; {cpu}; {Environment.ProcessorCount} cores; {memoryGb:0} GB; .NET {Environment.Version}; "
            + $"TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}; load average {string.Join(" ", load)}; "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
    }
}
