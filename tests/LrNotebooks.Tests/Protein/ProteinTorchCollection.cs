using static TorchSharp.torch;

namespace LrNotebooks.Tests.Protein;

/// <summary>
/// The protein tests that run torch. They train tiny models, where a second thread gains little and, on a
/// machine whose cores are busy, OpenMP's spinning threads made a 60-step run ~15x slower (32 s against 2 s):
/// so they run on one torch thread, and the previous count is restored afterwards.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProteinTorchCollection : ICollectionFixture<SingleTorchThread>
{
    public const string Name = "protein (torch)";
}

public sealed class SingleTorchThread : IDisposable
{
    private readonly int previous = get_num_threads();

    public SingleTorchThread() => set_num_threads(1);

    public void Dispose() => set_num_threads(previous);
}
