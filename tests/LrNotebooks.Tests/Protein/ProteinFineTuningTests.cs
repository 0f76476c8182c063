using LrNotebooks.RangeTest;
using LrNotebooks.Schedules;
using LrNotebooks.Tasks.Protein;
using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Protein;

[Collection(ProteinTorchCollection.Name)]
public class ProteinFineTuningTests
{
    [Fact]
    public void A_pretrained_backbone_with_a_fresh_head_fine_tuned_briefly_beats_the_majority_baseline_on_validation()
    {
        var data = ProteinFamilyData.Load();
        manual_seed(0);
        var backbone = ProteinBackbone.Create(ProteinModelKind.Cnn, new ProteinModelOptions { EmbeddingSize = 32 });
        using (var pretrainer = new MaskedResiduePretrainer(backbone, new PretrainingOptions { Steps = 30 }))
            pretrainer.Run(data.TrainTokens);
        using var model = new ProteinClassifier(backbone, data.Families.Count);
        using var optimizer = FineTuning.CreateOptimizer(model, backboneLr: 1e-3, headLr: 5e-3);
        var before = ClassificationReport.Evaluate(model, data.ValidationTokens, data.ValidationLabels, data.Families);

        var run = Trainer.Train(
            model,
            TrainingData.FromTensors(data.TrainTokens, data.TrainLabels, 32),
            LossFunctions.ByName("cross_entropy"),
            optimizer,
            new OneCycleSchedule(new OneCycleOptions { MaxLrs = [1e-3, 5e-3], TotalSteps = 80 }),
            new TrainingOptions { Seed = 1 });
        var after = ClassificationReport.Evaluate(model, data.ValidationTokens, data.ValidationLabels, data.Families);

        Assert.Equal(StopReason.Completed, run.StopReason);
        Assert.Equal(data.ValidationWindows.Count, after.Total);
        Assert.True(after.Accuracy > after.MajorityBaseline, $"accuracy {after.Accuracy:F3}, majority baseline {after.MajorityBaseline:F3}");
        Assert.True(after.Accuracy > before.Accuracy, $"accuracy {before.Accuracy:F3} -> {after.Accuracy:F3}");
    }
}
