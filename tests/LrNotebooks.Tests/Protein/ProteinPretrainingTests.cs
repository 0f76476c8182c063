using LrNotebooks.RangeTest;
using LrNotebooks.Tasks.Protein;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Protein;

[Collection(ProteinTorchCollection.Name)]
public class ProteinPretrainingTests
{
    private static readonly ProteinFamilyData Data = ProteinFamilyData.Load();
    private static readonly ProteinModelOptions Small = new() { EmbeddingSize = 32 };

    [Fact]
    public void Masked_residue_pretraining_lowers_the_masked_loss_on_held_out_windows()
    {
        manual_seed(0);
        using var backbone = ProteinBackbone.Create(ProteinModelKind.Cnn, Small);
        using var pretrainer = new MaskedResiduePretrainer(backbone, new PretrainingOptions { Steps = 60 });
        var before = pretrainer.Evaluate(Data.ValidationTokens, maskSeed: 5);
        var reports = new List<PretrainingProgress>();

        var result = pretrainer.Run(Data.TrainTokens, new SynchronousProgress<PretrainingProgress>(reports.Add));
        var after = pretrainer.Evaluate(Data.ValidationTokens, maskSeed: 5);

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Equal(60, result.MaskedLosses.Length);
        Assert.Equal(Enumerable.Range(1, 60), reports.Select(r => r.Step));
        Assert.Equal(result.MaskedLosses, reports.Select(r => r.MaskedLoss));
        Assert.True(after < before, $"masked loss {before} -> {after}");
    }

    [Fact]
    public void Evaluating_with_the_same_mask_seed_gives_the_same_loss_and_another_seed_another_loss()
    {
        manual_seed(0);
        using var backbone = ProteinBackbone.Create(ProteinModelKind.Cnn, Small);
        using var pretrainer = new MaskedResiduePretrainer(backbone);

        Assert.Equal(pretrainer.Evaluate(Data.ValidationTokens, 1), pretrainer.Evaluate(Data.ValidationTokens, 1));
        Assert.NotEqual(pretrainer.Evaluate(Data.ValidationTokens, 1), pretrainer.Evaluate(Data.ValidationTokens, 2));
    }

    [Fact]
    public void A_cancelled_run_stops_before_the_next_step_and_keeps_the_losses_so_far()
    {
        manual_seed(0);
        using var backbone = ProteinBackbone.Create(ProteinModelKind.Cnn, Small);
        using var pretrainer = new MaskedResiduePretrainer(backbone, new PretrainingOptions { Steps = 50 });
        using var cancel = new CancellationTokenSource();

        var result = pretrainer.Run(Data.TrainTokens, new SynchronousProgress<PretrainingProgress>(p =>
        {
            if (p.Step == 3)
                cancel.Cancel();
        }), cancel.Token);

        Assert.Equal(StopReason.Cancelled, result.StopReason);
        Assert.Equal(3, result.MaskedLosses.Length);
    }

    [Fact]
    public void Pretraining_from_the_same_seed_gives_bitwise_identical_backbones()
    {
        Tensor[] Pretrained()
        {
            manual_seed(0);
            using var backbone = ProteinBackbone.Create(ProteinModelKind.Cnn, Small);
            using (var pretrainer = new MaskedResiduePretrainer(backbone, new PretrainingOptions { Steps = 5, Seed = 9 }))
                pretrainer.Run(Data.TrainTokens);
            return backbone.parameters().Select(p => p.detach().clone()).ToArray();
        }

        var first = Pretrained();
        var second = Pretrained();

        Assert.All(first.Zip(second), pair => Assert.True(pair.First.Equals(pair.Second)));
    }

    [Fact]
    public void Bad_pretraining_options_name_the_option()
    {
        Assert.Equal("MaskFraction", Assert.Throws<ArgumentException>(() => new PretrainingOptions { MaskFraction = 0 }.Validate()).ParamName);
        Assert.Equal("Steps", Assert.Throws<ArgumentException>(() => new PretrainingOptions { Steps = 0 }.Validate()).ParamName);
    }
}

/// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
