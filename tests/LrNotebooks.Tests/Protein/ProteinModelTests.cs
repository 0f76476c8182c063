using LrNotebooks.Tasks.Protein;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Protein;

[Collection(ProteinTorchCollection.Name)]
public class ProteinModelTests
{
    private static readonly ProteinModelOptions Small = new() { EmbeddingSize = 16, Heads = 2, Layers = 1 };

    [Theory]
    [InlineData(ProteinModelKind.Cnn)]
    [InlineData(ProteinModelKind.Transformer)]
    public void A_backbone_gives_features_per_residue_and_a_classifier_logits_per_sequence(ProteinModelKind kind)
    {
        manual_seed(0);
        using var model = new ProteinClassifier(ProteinBackbone.Create(kind, Small), 3);
        var ids = tensor(AminoAcidTokenizer.Encode("MKVLAGHW", 10).Concat(AminoAcidTokenizer.Encode("ACD", 10)).ToArray(), [2, 10]);

        using var features = model.Backbone.call(ids);
        using var logits = model.call(ids);

        Assert.Equal([2L, 10, 16], features.shape);
        Assert.Equal([2L, 3], logits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    [Theory]
    [InlineData(ProteinModelKind.Cnn)]
    [InlineData(ProteinModelKind.Transformer)]
    public void Padding_does_not_change_a_classifiers_output_in_evaluation_mode_for_the_transformer_or_its_shape_for_the_cnn(ProteinModelKind kind)
    {
        manual_seed(0);
        using var model = new ProteinClassifier(ProteinBackbone.Create(kind, Small), 3);
        model.eval();
        var shortIds = tensor(AminoAcidTokenizer.Encode("MKVLAGHW"), [1, 8]);
        var paddedIds = tensor(AminoAcidTokenizer.Encode("MKVLAGHW", 12), [1, 12]);

        using var plain = model.call(shortIds);
        using var padded = model.call(paddedIds);

        Assert.Equal(plain.shape, padded.shape);
        if (kind == ProteinModelKind.Transformer)   // attention ignores PAD keys and the mean skips PAD positions
            Assert.True(plain.allclose(padded, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Sequences_longer_than_the_maximum_length_are_rejected()
    {
        using var backbone = ProteinBackbone.Create(ProteinModelKind.Transformer, Small with { MaxLength = 8 });
        var error = Assert.Throws<ArgumentException>(() => backbone.call(zeros(1, 9, dtype: ScalarType.Int64)));
        Assert.Contains("at most 8", error.Message);
    }

    [Fact]
    public void Bad_model_options_name_the_option()
    {
        Assert.Equal("Heads", Assert.Throws<ArgumentException>(() => new ProteinModelOptions { EmbeddingSize = 30, Heads = 4 }.Validate()).ParamName);
        Assert.Equal("KernelSize", Assert.Throws<ArgumentException>(() => new ProteinModelOptions { KernelSize = 4 }.Validate()).ParamName);
    }

    [Theory]
    [InlineData(ProteinModelKind.Cnn)]
    [InlineData(ProteinModelKind.Transformer)]
    public void A_checkpoint_loads_into_a_fresh_backbone_with_bitwise_identical_parameters(ProteinModelKind kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lrnotebooks-test-{Guid.NewGuid():N}.bin");
        try
        {
            manual_seed(1);
            using var saved = ProteinBackbone.Create(kind, Small);
            BackboneCheckpoint.Save(saved, path);
            manual_seed(2);   // the fresh backbone starts from other weights, so equality can only come from the file
            using var fresh = ProteinBackbone.Create(kind, Small);
            Assert.False(SameParameters(saved, fresh));

            using var loaded = BackboneCheckpoint.Load(path, kind, Small);

            Assert.True(SameParameters(saved, loaded));
            Assert.Equal(saved.state_dict().Keys.Order(), loaded.state_dict().Keys.Order());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loading_a_missing_checkpoint_names_the_file()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BackboneCheckpoint.Load("/nonexistent/backbone.bin", ProteinModelKind.Cnn));
        Assert.Equal("/nonexistent/backbone.bin", error.FileName);
    }

    [Fact]
    public void The_fine_tuning_optimizer_has_a_backbone_group_and_a_head_group_with_their_own_rates()
    {
        manual_seed(0);
        using var model = new ProteinClassifier(ProteinBackbone.Create(ProteinModelKind.Cnn, Small), 3);

        using var optimizer = FineTuning.CreateOptimizer(model, backboneLr: 1e-4, headLr: 1e-3);

        var groups = optimizer.ParamGroups.Cast<TorchSharp.Modules.ParamGroup>().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(1e-4, groups[0].LearningRate);
        Assert.Equal(1e-3, groups[1].LearningRate);
        Assert.Equal(Handles(model.Backbone.parameters()), Handles(groups[0].Parameters));
        Assert.Equal(Handles(model.Head.parameters()), Handles(groups[1].Parameters));
        Assert.Equal("backbone-lr", Assert.Throws<ArgumentException>(() => FineTuning.CreateOptimizer(model, 0, 1e-3)).ParamName);
    }

    [Fact]
    public void The_report_counts_true_classes_in_rows_and_predictions_in_columns()
    {
        using var identity = nn.Identity();   // the inputs are the logits
        var logits = tensor(new float[] { 5, 0, 0, 0, 5, 0, 0, 5, 0, 0, 0, 5 }, [4, 3]);
        var labels = tensor(new long[] { 0, 1, 2, 2 });

        var report = ClassificationReport.Evaluate(identity, logits, labels, ["a", "b", "c"], batchSize: 3);

        Assert.Equal([[1, 0, 0], [0, 1, 0], [0, 1, 1]], report.ConfusionMatrix);
        Assert.Equal(0.75, report.Accuracy);
        Assert.Equal(0.5, report.MajorityBaseline);
        Assert.Equal(
            string.Join(Environment.NewLine,
                "accuracy 75.0% (3/4), majority baseline 50.0%",
                "true \\ predicted    a  b  c",
                "a                   1  0  0",
                "b                   0  1  0",
                "c                   0  1  1"),
            report.ToString());
    }

    private static bool SameParameters(nn.Module a, nn.Module b)
    {
        var right = b.state_dict();
        return a.state_dict().All(kv => right.TryGetValue(kv.Key, out var other) && kv.Value.Equals(other));
    }

    private static IntPtr[] Handles(IEnumerable<Tensor> parameters) => parameters.Select(p => p.Handle).ToArray();
}
