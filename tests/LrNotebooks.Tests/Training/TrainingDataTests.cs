using LrNotebooks.RangeTest;
using LrNotebooks.Tests.RangeTest;
using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Training;

public class TrainingDataTests
{
    private static readonly RangeTestOptions TenSteps = new() { Steps = 10, MaxLr = 1e-2, Seed = 1 };

    [Fact]
    public void A_tensor_pair_is_batched_by_batch_size_and_shuffled_by_the_generator()
    {
        var x = arange(10, dtype: ScalarType.Float32).unsqueeze(1);
        var data = TrainingData.From((x, arange(10)), 4);

        using var g1 = new Generator(3);
        using var g2 = new Generator(3);
        var first = data.Batches(g1).Take(6).Select(b => b.Y.data<long>().ToArray()).ToList();
        var again = data.Batches(g2).Take(6).Select(b => b.Y.data<long>().ToArray()).ToList();

        Assert.All(first, b => Assert.Equal(4, b.Length));          // the partial batch of 2 is dropped
        Assert.Equal(first.Select(b => b.ToList()), again.Select(b => b.ToList()));
        Assert.Equal(8, first.Take(2).SelectMany(b => b).Distinct().Count()); // one pass: no row twice
        Assert.NotEqual(Enumerable.Range(0, 8).Select(i => (long)i), first.Take(2).SelectMany(b => b)); // shuffled
    }

    [Fact]
    public void Unshuffled_tensor_data_keeps_its_order_and_x_stays_aligned_with_y()
    {
        var data = TrainingData.FromTensors(arange(6, dtype: ScalarType.Float32).unsqueeze(1) * 10, arange(6), 3, shuffle: false);

        var batches = data.Batches().Take(4).ToList();

        Assert.Equal([0L, 1, 2], batches[0].Y.data<long>().ToArray());
        Assert.Equal([3L, 4, 5], batches[3].Y.data<long>().ToArray());
        Assert.All(batches, b => Assert.Equal(b.Y.to_type(ScalarType.Float32).mul(10).data<float>().ToArray(), b.X.squeeze(1).data<float>().ToArray()));
    }

    [Fact]
    public void Fewer_rows_than_the_batch_size_make_one_batch_of_all_rows()
    {
        var data = TrainingData.FromTensors(randn(5, 2), randint(0, 3, 5), 64);
        Assert.Equal(5, data.Batches().First().X.shape[0]);
    }

    [Fact]
    public void A_short_enumerable_restarts_endlessly()
    {
        int passes = 0;
        var two = Synthetic.Batches(1, batches: 2, batchSize: 16);
        IEnumerable<(Tensor, Tensor)> Counted() { passes++; foreach (var b in two) yield return b; }
        var result = LrFinderRunTests.Run(Synthetic.Mlp(0), TenSteps, data: TrainingData.FromBatches(Counted()));

        Assert.Equal(10, result.Losses.Length);
        Assert.Equal(5, passes);
    }

    [Fact]
    public void A_tensor_dataset_data_loader_works_and_restarts()
    {
        var (x, y) = Synthetic.Blobs(1, 100);
        using var loader = utils.data.DataLoader(utils.data.TensorDataset(x, y), 40, shuffle: true, seed: 1);

        var result = LrFinderRunTests.Run(Synthetic.Mlp(0), TenSteps, data: TrainingData.From(loader, batchSize: 999));

        Assert.Equal(10, result.Losses.Length);
        Assert.All(result.Losses, l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void A_dictionary_dataset_data_loader_works_with_data_and_label_keys()
    {
        using var loader = utils.data.DataLoader(new BlobDataset("data", "label"), 32, shuffle: false);

        var result = LrFinderRunTests.Run(Synthetic.Mlp(0), TenSteps, data: TrainingData.From(loader, batchSize: 999));

        Assert.Equal(10, result.Losses.Length);
    }

    [Fact]
    public void The_three_shapes_give_the_same_first_loss_on_the_same_first_batch()
    {
        var (x, y) = Synthetic.Blobs(1, 64);
        using var loader = utils.data.DataLoader(utils.data.TensorDataset(x, y), 64, shuffle: false);
        var shapes = new object[] { TrainingData.FromTensors(x, y, 64, shuffle: false), new List<(Tensor, Tensor)> { (x, y) }, loader };

        var firstLosses = shapes.Select(d => LrFinderRunTests.Run(Synthetic.Mlp(0), TenSteps, data: TrainingData.From(d, 64)).Losses[0]).ToList();

        Assert.Equal(firstLosses[0], firstLosses[1]);
        Assert.Equal(firstLosses[0], firstLosses[2]);
    }

    [Fact]
    public void Dictionary_batches_with_unknown_keys_name_data_and_list_the_keys()
    {
        using var loader = utils.data.DataLoader(new BlobDataset("pixels", "answer"), 32);

        var error = Assert.Throws<ArgumentException>(() => LrFinderRunTests.Run(Synthetic.Mlp(0), TenSteps, data: TrainingData.From(loader, 32)));

        Assert.Equal("data", error.ParamName);
        Assert.Contains("pixels", error.Message);
        Assert.Contains("\"data\"/\"label\"", error.Message);
    }

    [Theory]
    [InlineData("a string")]
    [InlineData(42)]
    public void An_unsupported_shape_names_data_and_the_accepted_shapes(object data)
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingData.From(data, 32));
        Assert.Equal("data", error.ParamName);
        Assert.Contains("(Tensor X, Tensor Y)", error.Message);
        Assert.Contains("IEnumerable<(Tensor, Tensor)>", error.Message);
        Assert.Contains("DataLoader", error.Message);
    }

    [Fact]
    public void X_and_y_with_different_first_dimensions_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingData.From((randn(10, 2), randint(0, 3, 9)), 4));
        Assert.Equal("data", error.ParamName);
        Assert.Contains("first (batch) dimension", error.Message);
    }

    [Fact]
    public void A_batch_size_below_one_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingData.FromTensors(randn(10, 2), randint(0, 3, 10), 0));
        Assert.Equal("BatchSize", error.ParamName);
    }

    [Fact]
    public void Data_without_batches_is_rejected_instead_of_looping_forever()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            LrFinderRunTests.Run(Synthetic.Mlp(0), TenSteps, data: TrainingData.FromBatches([])));
        Assert.Equal("data", error.ParamName);
    }

    /// <summary>A map-style dataset whose items are dictionaries with the given key names.</summary>
    private sealed class BlobDataset(string xKey, string yKey) : utils.data.Dataset
    {
        private readonly (Tensor X, Tensor Y) _data = Synthetic.Blobs(2, 96);

        public override long Count => 96;

        public override Dictionary<string, Tensor> GetTensor(long index) => new()
        {
            [xKey] = _data.X[index],
            [yKey] = _data.Y[index],
        };
    }
}
