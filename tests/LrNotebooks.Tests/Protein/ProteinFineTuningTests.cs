using LrNotebooks.Tasks.Protein;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Protein;

[Collection(ProteinTorchCollection.Name)]
public class ProteinFineTuningTests
{
    [Fact]
    public void A_pretrained_backbone_with_a_fresh_head_fine_tuned_briefly_beats_the_majority_baseline_on_validation()
    {
        var data = ProteinFamilyData.Load();
        var options = new ProteinModelOptions { EmbeddingSize = 32 };
        manual_seed(0);
        var backbone = ProteinBackbone.Create(ProteinModelKind.Cnn, options);
        using (var pretrainer = new MaskedResiduePretrainer(backbone, new PretrainingOptions { Steps = 30 }))
            pretrainer.Run(data.TrainTokens);
        using var model = new ProteinClassifier(backbone, data.Families.Count);
        using var optimizer = FineTuning.CreateOptimizer(model, backboneLr: 1e-3, headLr: 3e-3);
        var before = ClassificationReport.Evaluate(model, data.ValidationTokens, data.ValidationLabels, data.Families);

        using var generator = new Generator(1);
        foreach (var rows in ShuffledBatches.Of(arange(data.TrainTokens.shape[0]), 32, generator).Take(80))
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(data.TrainTokens[rows]), data.TrainLabels[rows]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        var after = ClassificationReport.Evaluate(model, data.ValidationTokens, data.ValidationLabels, data.Families);

        Assert.Equal(data.ValidationWindows.Count, after.Total);
        Assert.True(after.Accuracy > after.MajorityBaseline, $"accuracy {after.Accuracy:F3}, majority baseline {after.MajorityBaseline:F3}");
        Assert.True(after.Accuracy > before.Accuracy, $"accuracy {before.Accuracy:F3} -> {after.Accuracy:F3}");
    }
}
