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
    public void Each_epoch_visits_every_row_once_in_batches_of_the_given_size()
    {
        var rows = arange(10).unsqueeze(1);
        using var generator = new Generator(3);

        var batches = ShuffledBatches.Of(rows, 4, generator).Take(6).Select(b => b.data<long>().ToArray()).ToList();

        Assert.Equal([4, 4, 2, 4, 4, 2], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), batches.Take(3).SelectMany(b => b).Order());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), batches.Skip(3).SelectMany(b => b).Order());
        Assert.NotEqual(batches.Take(3).SelectMany(b => b), batches.Skip(3).SelectMany(b => b));
    }

    [Fact]
    public void The_batch_order_follows_the_seed()
    {
        var rows = arange(50).unsqueeze(1);
        long[] Order(ulong seed)
        {
            using var generator = new Generator(seed);
            return ShuffledBatches.Of(rows, 8, generator).Take(7).SelectMany(b => b.data<long>().ToArray()).ToArray();
        }

        Assert.Equal(Order(1), Order(1));
        Assert.NotEqual(Order(1), Order(2));
    }

    [Fact]
    public void A_batch_size_below_one_is_rejected()
    {
        using var generator = new Generator(0);
        var error = Assert.Throws<ArgumentException>(() => ShuffledBatches.Of(arange(3), 0, generator).First());
        Assert.Equal("batchSize", error.ParamName);
    }
}
