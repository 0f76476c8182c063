using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>A task's generated data: training and validation inputs and targets.</summary>
internal sealed record TaskTensors(Tensor TrainX, Tensor TrainY, Tensor ValidationX, Tensor ValidationY)
{
    /// <summary>The first <paramref name="trainCount"/> rows train, the rest validate; moved out of the caller's dispose scope.</summary>
    public static TaskTensors Split(Tensor x, Tensor y, int trainCount)
    {
        long rest = x.shape[0] - trainCount;
        return new TaskTensors(
            x.narrow(0, 0, trainCount).MoveToOuterDisposeScope(),
            y.narrow(0, 0, trainCount).MoveToOuterDisposeScope(),
            x.narrow(0, trainCount, rest).MoveToOuterDisposeScope(),
            y.narrow(0, trainCount, rest).MoveToOuterDisposeScope());
    }
}
