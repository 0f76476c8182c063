using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// The protein-family classification problem as tensors: windows of the shipped sequences, tokenised, with
/// their family index as the label. Train and validation windows come from different proteins.
/// </summary>
public sealed record ProteinFamilyData(
    IReadOnlyList<string> Families,
    int WindowLength,
    IReadOnlyList<ProteinWindow> TrainWindows,
    IReadOnlyList<ProteinWindow> ValidationWindows,
    Tensor TrainTokens,
    Tensor TrainLabels,
    Tensor ValidationTokens,
    Tensor ValidationLabels)
{
    public const int DefaultWindowLength = 32;
    public const int DefaultStride = 16;

    public static ProteinFamilyData Load(int windowLength = DefaultWindowLength, int stride = DefaultStride) =>
        From(ProteinDataSet.Load(), windowLength, stride);

    public static ProteinFamilyData From(ProteinDataSet dataSet, int windowLength, int stride)
    {
        var train = dataSet.Windows(ProteinSplit.Train, windowLength, stride);
        var validation = dataSet.Windows(ProteinSplit.Validation, windowLength, stride);
        var (trainTokens, trainLabels) = ProteinTensors.FromWindows(train, windowLength);
        var (validationTokens, validationLabels) = ProteinTensors.FromWindows(validation, windowLength);
        return new ProteinFamilyData(dataSet.Families, windowLength, train, validation, trainTokens, trainLabels, validationTokens, validationLabels);
    }
}
