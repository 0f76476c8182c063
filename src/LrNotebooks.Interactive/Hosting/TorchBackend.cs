using static TorchSharp.torch;

namespace LrNotebooks.Interactive.Hosting;

/// <summary>
/// Checks once that TorchSharp's native backend works, and explains in one line what to do when it does not
/// (no native package referenced, a system libtorch shadowing ours, or a too old libstdc++).
/// </summary>
internal static class TorchBackend
{
    public const string CpuPackageReference = "#r \"nuget: TorchSharp-cpu, 0.107.0\"";

    private static readonly string[] SystemLibTorchFiles = ["libtorch_cpu.so", "libc10.so", "libtorch.so"];
    private static volatile bool _works;

    /// <summary>Null when a tiny tensor operation succeeds; otherwise a one-line explanation with the fix.</summary>
    public static string? Problem()
    {
        if (_works) return null; // a failure is re-checked: the user may have added the native package since
        try
        {
            using var two = ones(2);
            using var sum = two.sum();
            _works = sum.item<float>() == 2f;
            return _works ? null : "TorchSharp's native backend gave a wrong result for 1 + 1; reinstall TorchSharp-cpu.";
        }
        catch (Exception ex)
        {
            return Explain(ex, FindSystemLibTorch());
        }
    }

    internal static string Explain(Exception failure, string? systemLibTorch)
    {
        var detail = string.Join(" ", Chain(failure).Select(e => e.Message));
        if (systemLibTorch is not null)
            return $"TorchSharp cannot load its native backend because a system libtorch ({systemLibTorch}) is on the library path and is picked up instead of TorchSharp's own (Debian's python3-torch/libtorch installs one): remove that package or take its folder off LD_LIBRARY_PATH, then restart the kernel.";
        if (detail.Contains("GLIBCXX", StringComparison.Ordinal))
            return "TorchSharp's native backend needs a newer libstdc++ (GLIBCXX_3.4.32, GCC 13); install a newer libstdc++6, then restart the kernel.";
        return $"TorchSharp's native backend is missing: add {CpuPackageReference} (or a CUDA package) to the cell that loads LrNotebooks.Interactive, then restart the kernel.";
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    /// <summary>The first libtorch library found in the folders the dynamic loader searches, or null.</summary>
    internal static string? FindSystemLibTorch()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var folders = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib", "/lib"]);
        return folders
            .SelectMany(folder => SystemLibTorchFiles.Select(file => Path.Combine(folder, file)))
            .FirstOrDefault(File.Exists);
    }
}
