using LrNotebooks.Tasks.Protein;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Protein;

[Collection(ProteinTorchCollection.Name)]
public class ProteinBatchingTests
{
    [Fact]
    public void Window_tensors_hold_the_padded_tokens_and_family_of_each_window()
    {
        ProteinWindow[] windows = [new("S", 2, 0, "MKV"), new("L", 0, 3, "ACDE")];

        var (tokens, labels) = ProteinTensors.FromWindows(windows, 4);

        Assert.Equal([2L, 4], tokens.shape);
        Assert.Equal(ScalarType.Int64, tokens.dtype);
        Assert.Equal(AminoAcidTokenizer.Encode("MKV", 4).Concat(AminoAcidTokenizer.Encode("ACDE")), tokens.data<long>().ToArray());
        Assert.Equal([2L, 0], labels.data<long>().ToArray());
    }

    [Fact]
    public void The_family_data_has_one_row_per_window_labelled_with_its_family()
    {
        var data = ProteinFamilyData.Load();

        Assert.Equal([data.TrainWindows.Count, data.WindowLength], data.TrainTokens.shape);
        Assert.Equal(data.ValidationWindows.Count, data.ValidationLabels.shape[0]);
        Assert.Equal(data.TrainWindows.Select(w => (long)w.FamilyIndex), data.TrainLabels.data<long>().ToArray());
        var row = data.ValidationTokens[7].data<long>().ToArray();
        Assert.Equal(data.ValidationWindows[7].Residues, AminoAcidTokenizer.Decode(row));
    }

    [Fact]
    public void The_task_data_pairs_each_window_with_its_family_in_every_batch()
    {
        var data = ProteinFamilyData.Load();
        var familyOf = data.TrainWindows.GroupBy(w => w.Residues).ToDictionary(g => g.Key, g => g.Select(w => (long)w.FamilyIndex).ToHashSet());
        using var task = ProteinFamilyTask.Cnn.Create();
        using var generator = new Generator(7);

        foreach (var (x, y) in task.Train.Batches(generator).Take(40))
        {
            var labels = y.data<long>().ToArray();
            for (var row = 0; row < labels.Length; row++)
                Assert.Contains(labels[row], familyOf[AminoAcidTokenizer.Decode(x[row].data<long>().ToArray())]);
        }
    }
}
