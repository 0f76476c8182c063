using LrNotebooks.Tests.RangeTest;
using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Training;

public class LossAndOptimizerTests
{
    [Fact]
    public void Each_named_loss_computes_its_functional()
    {
        using var logits = randn(8, 3);
        using var classes = randint(0, 3, 8);
        using var targets = rand(8, 3);

        Assert.Equal(nn.functional.cross_entropy(logits, classes).ToDouble(), LossFunctions.ByName("cross_entropy")(logits, classes).ToDouble());
        Assert.Equal(nn.functional.mse_loss(logits, targets).ToDouble(), LossFunctions.ByName("mse")(logits, targets).ToDouble());
        Assert.Equal(nn.functional.binary_cross_entropy_with_logits(logits, targets).ToDouble(), LossFunctions.ByName("BCE")(logits, targets).ToDouble());
        Assert.Equal(nn.functional.l1_loss(logits, targets).ToDouble(), LossFunctions.ByName("l1")(logits, targets).ToDouble());
    }

    [Fact]
    public void An_unknown_loss_names_the_parameter_and_lists_the_losses()
    {
        var error = Assert.Throws<ArgumentException>(() => LossFunctions.ByName("hinge"));
        Assert.Equal("loss", error.ParamName);
        Assert.All(LossFunctions.Names, name => Assert.Contains(name, error.Message));
    }

    [Theory]
    [InlineData(ScalarType.Int64, "cross_entropy")]
    [InlineData(ScalarType.Int32, "cross_entropy")]
    [InlineData(ScalarType.Byte, "cross_entropy")]
    [InlineData(ScalarType.Float32, "mse")]
    [InlineData(ScalarType.Float64, "mse")]
    public void The_loss_is_inferred_from_the_target_type(ScalarType type, string expected) =>
        Assert.Equal(expected, LossFunctions.InferName(type));

    [Fact]
    public void Boolean_targets_cannot_be_inferred()
    {
        var error = Assert.Throws<ArgumentException>(() => LossFunctions.InferName(ScalarType.Bool));
        Assert.Equal("loss", error.ParamName);
    }

    [Theory]
    [InlineData("adamw", "AdamW (fresh)")]
    [InlineData("Adam", "Adam (fresh)")]
    [InlineData("sgd", "SGD (fresh)")]
    public void Optimizers_by_name_describe_themselves(string name, string description) =>
        Assert.Equal(description, OptimizerChoice.ByName(name).Description);

    [Fact]
    public void An_unknown_optimizer_name_names_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => OptimizerChoice.ByName("lamb"));
        Assert.Equal("optimizer", error.ParamName);
    }

    [Fact]
    public void The_users_optimizer_is_described_as_theirs()
    {
        var model = Synthetic.Mlp(0);
        Assert.Equal("SGD (yours)", OptimizerChoice.Existing(optim.SGD(model.parameters(), 0.1)).Description);
    }

    [Fact]
    public void An_optimizer_over_another_models_parameters_is_rejected()
    {
        var other = Synthetic.Mlp(1);
        var choice = OptimizerChoice.Existing(optim.AdamW(other.parameters()));

        var error = Assert.Throws<ArgumentException>(() => LrFinderRunTests.Run(Synthetic.Mlp(0), optimizer: choice));

        Assert.Equal("optimizer", error.ParamName);
    }

    [Fact]
    public void A_loss_that_is_not_a_scalar_is_rejected()
    {
        LossFunction perSample = (p, t) => nn.functional.cross_entropy(p, t, reduction: nn.Reduction.None);

        var error = Assert.Throws<ArgumentException>(() => LrFinderRunTests.Run(Synthetic.Mlp(0), loss: perSample));

        Assert.Equal("loss", error.ParamName);
    }
}
