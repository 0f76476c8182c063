using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LrNotebooks.Bench.Speed;

/// <summary>
/// bench/pytorch_rangetest.py running under Debian's PyTorch 1.13, unpacked privately (never on the system library
/// path, which would break TorchSharp): one process for the whole run, one JSON command and reply per line.
/// </summary>
internal sealed class PyTorchWorker : IDisposable
{
    private readonly Process _process;

    private PyTorchWorker(Process process) => _process = process;

    /// <param name="pytorchRoot">The folder install-pytorch.sh unpacked python3-torch and libtorch1.13 into.</param>
    /// <param name="threads">
    /// Debian's torch does its matrix products in OpenBLAS, whose thread pool is sized once at start-up and ignores
    /// torch.set_num_threads; so each thread count gets its own worker with OpenBLAS and OpenMP sized to match
    /// (otherwise "1 thread" still runs OpenBLAS on every core and oversubscribes them).
    /// </param>
    /// <param name="openBlasThreads">OpenBLAS's pool; by default the thread count.</param>
    public static PyTorchWorker Start(string script, string pytorchRoot, int threads, int? openBlasThreads = null)
    {
        if (!File.Exists(Path.Combine(pytorchRoot, ".complete")))
            throw new InvalidOperationException($"PyTorch is not unpacked in {pytorchRoot}: run bench/install-pytorch.sh (bench/run.sh does).");
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-u");
        psi.ArgumentList.Add(script);
        psi.Environment["LD_LIBRARY_PATH"] = Path.Combine(pytorchRoot, "usr/lib/x86_64-linux-gnu");
        psi.Environment["PYTHONPATH"] = Path.Combine(pytorchRoot, "usr/lib/python3/dist-packages");
        psi.Environment["OPENBLAS_NUM_THREADS"] = (openBlasThreads ?? threads).ToString();
        psi.Environment["OMP_NUM_THREADS"] = threads.ToString();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start /usr/bin/python3.");
        var worker = new PyTorchWorker(process);
        worker.Send(new JsonObject { ["cmd"] = "threads", ["n"] = threads });
        return worker;
    }

    public string Setup(SpeedCase speedCase)
    {
        var command = JsonNode.Parse(speedCase.ToWorkerJson())!.AsObject();
        command["cmd"] = "setup";
        return Send(command)["torch"]!.GetValue<string>();
    }

    /// <summary>One range test; its time as measured inside Python (the pipe round trip is not counted).</summary>
    public (double Milliseconds, int Steps) Run()
    {
        var reply = Send(new JsonObject { ["cmd"] = "run" });
        return (reply["ms"]!.GetValue<double>(), reply["steps"]!.GetValue<int>());
    }

    private JsonNode Send(JsonObject command)
    {
        _process.StandardInput.WriteLine(command.ToJsonString());
        _process.StandardInput.Flush();
        string? line = _process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"The PyTorch worker exited (code {(_process.HasExited ? _process.ExitCode : -1)}); see its stderr above.");
        var reply = JsonNode.Parse(line)!;
        if (reply["error"] is { } error) throw new InvalidOperationException($"PyTorch worker: {error}");
        return reply;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("{\"cmd\": \"quit\"}");
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000)) _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
