using LrNotebooks.RangeTest;
using LrNotebooks.Tasks;
using LrNotebooks.Tasks.Protein;
using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Protein;

[Collection(ProteinTorchCollection.Name)]
public class ProteinFamilyTaskTests
{
    public static TheoryData<string> Names => new() { "protein-family-cnn", "protein-family-transformer" };

    [Theory]
    [MemberData(nameof(Names))]
    public void The_tasks_are_registered_and_classify_token_windows_into_the_three_families(string name)
    {
        using var task = BuiltInTasks.Get(name).Create();
        var (x, y) = task.Train.Batches().First();

        using var logits = task.Model.call(x);

        Assert.Equal(name, task.Name);
        Assert.Equal("cross_entropy", task.LossName);
        Assert.Equal([ProteinFamilyTask.BatchSize, ProteinFamilyData.DefaultWindowLength], x.shape);
        Assert.Equal(ScalarType.Int64, x.dtype);
        Assert.Equal([ProteinFamilyTask.BatchSize, 3L], logits.shape);
        Assert.True(task.Loss(logits, y).item<float>() > 0);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Instances_share_the_pretrained_backbone_bits_and_the_seed_sets_the_head(string name)
    {
        var task = BuiltInTasks.Get(name);
        using var first = task.Create(seed: 1);
        using var again = task.Create(seed: 1);
        using var other = task.Create(seed: 2);
        ProteinClassifier Model(TaskInstance t) => (ProteinClassifier)t.Model;

        Assert.True(Same(Model(first).Backbone, Model(other).Backbone));
        Assert.True(Same(Model(first).Head, Model(again).Head));
        Assert.False(Same(Model(first).Head, Model(other).Head));
    }

    [Fact]
    public void The_pretrained_backbone_is_cached_as_a_checkpoint_file_and_differs_from_a_fresh_backbone()
    {
        var data = ProteinFamilyData.Load();
        using var pretrained = PretrainedBackbones.Load(ProteinModelKind.Cnn, data);
        manual_seed(0);
        using var fresh = ProteinBackbone.Create(ProteinModelKind.Cnn, PretrainedBackbones.ModelOptions);

        Assert.True(File.Exists(PretrainedBackbones.CheckpointPath(ProteinModelKind.Cnn, data)));
        Assert.False(Same(pretrained, fresh));
    }

    [Fact]
    public void Creating_a_task_leaves_the_callers_torch_rng_as_it_was()
    {
        manual_seed(123);
        var expected = rand(3).data<float>().ToArray();
        manual_seed(123);

        using (ProteinFamilyTask.Cnn.Create(seed: 4)) { }

        Assert.Equal(expected, rand(3).data<float>().ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_100_step_range_test_runs_on_the_task(string name)
    {
        using var task = BuiltInTasks.Get(name).Create();

        var result = LrFinder.Run(task.Model, task.Train, task.Loss, OptimizerChoice.Fresh(OptimizerKind.AdamW), new RangeTestOptions { Seed = 0 });

        Assert.InRange(result.Losses.Length, 2, 100);
        Assert.True(result.SuggestedLr > 1e-7 && result.SuggestedLr < 10, $"suggested {result.SuggestedLr}");
    }

    private static bool Same(nn.Module a, nn.Module b) =>
        a.parameters().Zip(b.parameters()).All(pair => pair.First.Equals(pair.Second));
}
