using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LrNotebooks.NotebookRunner.Hosting;

/// <summary>
/// Drives the real notebook host, `dotnet interactive stdio`: one JSON command per stdin line, one JSON event per
/// stdout line. Events are routed to the command whose token they carry (a directive's child commands use
/// "&lt;token&gt;.n"); a command is complete at CommandSucceeded/CommandFailed for its own token.
/// </summary>
public sealed class StdioKernelClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<string, PendingCommand> _pending = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _stderrTail = new();
    private readonly SemaphoreSlim _stdinLock = new(1, 1);
    private readonly Task _reader;
    private int _nextToken;

    private StdioKernelClient(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => RememberStderr(e.Data);
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadEventsAsync);
    }

    /// <summary>
    /// Starts the host. <paramref name="toolDirectory"/> is the process's working directory: inside the repo, so
    /// `dotnet interactive` is the tool pinned in dotnet-tools.json. <paramref name="kernelDirectory"/> is the
    /// kernel's working directory (Jupyter and VS Code use the notebook's folder); nuget.config is looked up from there.
    /// </summary>
    public static async Task<StdioKernelClient> StartAsync(string toolDirectory, string? kernelDirectory = null,
        TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "interactive", "stdio", "--working-dir", kernelDirectory ?? toolDirectory })
            psi.ArgumentList.Add(arg);
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";

        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start `dotnet interactive stdio`.");
        var client = new StdioKernelClient(process);
        try
        {
            await client._ready.Task.WaitAsync(startTimeout ?? TimeSpan.FromMinutes(2), cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var tail = client.StderrTail;
            await client.DisposeAsync();
            throw new InvalidOperationException(
                $"`dotnet interactive stdio` did not become ready in {toolDirectory} (is `dotnet tool restore` done?).\n{tail}", e);
        }
        return client;
    }

    /// <summary>The last lines the host wrote to stderr (its log), for error messages.</summary>
    public string StderrTail => string.Join("\n", _stderrTail);

    public bool HasExited => _process.HasExited;

    /// <summary>Submits code to a kernel ("csharp" unless the cell says otherwise) and waits until it completes.</summary>
    public Task<SubmissionResult> SubmitCodeAsync(string code, string kernelName = "csharp",
        Action<KernelEventEnvelope>? onEvent = null, CancellationToken cancellationToken = default) =>
        SendAsync("SubmitCode", new JsonObject { ["code"] = code, ["targetKernelName"] = kernelName }, onEvent, cancellationToken);

    /// <summary>Interrupts whatever runs (the running command then ends with "Command cancelled.").</summary>
    public Task<SubmissionResult> CancelAsync(CancellationToken cancellationToken = default) =>
        SendAsync("Cancel", new JsonObject(), null, cancellationToken);

    public async Task<SubmissionResult> SendAsync(string commandType, JsonObject command,
        Action<KernelEventEnvelope>? onEvent = null, CancellationToken cancellationToken = default)
    {
        var token = $"runner-{Interlocked.Increment(ref _nextToken)}";
        var pending = new PendingCommand(onEvent);
        _pending[token] = pending;
        try
        {
            await WriteLineAsync(new JsonObject { ["token"] = token, ["commandType"] = commandType, ["command"] = command }
                .ToJsonString(), cancellationToken);
            var events = await pending.Completion.Task.WaitAsync(cancellationToken);
            return new SubmissionResult(token, events);
        }
        finally
        {
            _pending.TryRemove(token, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await WriteLineAsync("""{"token":"quit","commandType":"Quit","command":{}}""", grace.Token);
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // the host is stuck or already gone: killed below
            }
        }
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _reader;
        _process.Dispose();
        _stdinLock.Dispose();
    }

    private async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _stdinLock.WaitAsync(cancellationToken);
        try
        {
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        finally
        {
            _stdinLock.Release();
        }
    }

    private async Task ReadEventsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (KernelEventEnvelope.TryParse(line) is not { } envelope) continue;
            if (envelope.EventType == KernelEventTypes.KernelReady) _ready.TrySetResult();
            Route(envelope);
        }
        // the host is gone: nothing pending can complete any more
        var reason = new InvalidOperationException($"The notebook host exited.\n{StderrTail}");
        _ready.TrySetException(reason);
        foreach (var pending in _pending.Values) pending.Completion.TrySetException(reason);
    }

    private void Route(KernelEventEnvelope envelope)
    {
        if (envelope.CommandToken is not { } token) return;
        var dot = token.IndexOf('.');
        var rootToken = dot < 0 ? token : token[..dot];
        if (!_pending.TryGetValue(rootToken, out var pending)) return;
        pending.Add(envelope);
        var isCompletion = envelope.EventType is KernelEventTypes.CommandSucceeded or KernelEventTypes.CommandFailed;
        if (isCompletion && token == rootToken) pending.Complete();
    }

    private void RememberStderr(string? line)
    {
        if (line is null) return;
        _stderrTail.Enqueue(line);
        while (_stderrTail.Count > 40) _stderrTail.TryDequeue(out _);
    }

    private sealed class PendingCommand(Action<KernelEventEnvelope>? onEvent)
    {
        private readonly List<KernelEventEnvelope> _events = [];
        public TaskCompletionSource<IReadOnlyList<KernelEventEnvelope>> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(KernelEventEnvelope envelope)
        {
            lock (_events) _events.Add(envelope);
            try
            {
                onEvent?.Invoke(envelope);
            }
            catch (Exception e)
            {
                // the caller's observer failed: fail its command, keep reading the host's events for the others
                Completion.TrySetException(e);
            }
        }

        public void Complete()
        {
            lock (_events) Completion.TrySetResult(_events.ToList());
        }
    }
}
