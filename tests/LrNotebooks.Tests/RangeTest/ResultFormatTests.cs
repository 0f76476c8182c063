using System.Globalization;
using System.Text.Json;
using LrNotebooks.RangeTest;
using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.RangeTest;

public class ResultFormatTests
{
    private static RangeTestResult NonFiniteRunWithValidation()
    {
        int calls = 0;
        LossFunction loss = (p, t) => ++calls == 13 ? nn.functional.cross_entropy(p, t) * double.PositiveInfinity : nn.functional.cross_entropy(p, t);
        return LrFinderRunTests.Run(Synthetic.Mlp(0), new RangeTestOptions { Steps = 30, ValidationEvery = 4, ValidationBatches = 1, Seed = 1 },
            loss: loss, validation: LrFinderRunTests.BlobData(6));
    }

    [Fact]
    public void Json_round_trips_every_field_including_nan_and_infinity()
    {
        var result = NonFiniteRunWithValidation();
        Assert.True(double.IsPositiveInfinity(result.Losses[^1]));

        string json = result.ToJson();
        var back = RangeTestResult.FromJson(json);

        Assert.Contains("\"Infinity\"", json);
        Assert.Contains("\"NaN\"", json);
        Assert.Contains("\"NonFiniteLoss\"", json);
        Assert.Equal(result.LearningRates, back.LearningRates);
        Assert.Equal(result.Losses, back.Losses);
        Assert.Equal(result.SmoothedLosses, back.SmoothedLosses);
        Assert.Equal(result.ValidationLosses, back.ValidationLosses);
        Assert.Equal((result.StopReason, result.StopStep, result.SuggestionRule, result.SuggestedLr, result.LowConfidence),
            (back.StopReason, back.StopStep, back.SuggestionRule, back.SuggestedLr, back.LowConfidence));
        Assert.Equal(result.Suggestions, back.Suggestions);
        Assert.Equal(result.Notes, back.Notes);
        Assert.Equal(result.Options, back.Options);
        Assert.Equal(result.OptimizerDescription, back.OptimizerDescription);
        Assert.Equal(result.Elapsed, back.Elapsed);
    }

    [Fact]
    public void Json_has_one_member_per_public_property_under_its_csharp_name()
    {
        using var doc = JsonDocument.Parse(NonFiniteRunWithValidation().ToJson());

        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).Order();

        Assert.Equal(typeof(RangeTestResult).GetProperties().Select(p => p.Name).Order(), names);
    }

    [Fact]
    public void Csv_has_a_header_and_one_parseable_row_per_step()
    {
        var result = NonFiniteRunWithValidation();

        var lines = result.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("step,lr,loss,smoothed_loss,validation_loss", lines[0]);
        Assert.Equal(result.Losses.Length + 1, lines.Length);
        for (int i = 0; i < result.Losses.Length; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(result.LearningRates[i], double.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(result.Losses[i], double.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(result.SmoothedLosses[i], double.Parse(cells[3], CultureInfo.InvariantCulture));
            Assert.Equal(result.ValidationLosses![i], double.Parse(cells[4], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Training_results_round_trip_through_json_and_csv()
    {
        var model = Synthetic.Mlp(0);
        var result = Trainer.Train(model, LrFinderRunTests.BlobData(), Synthetic.CrossEntropy, optim.Adagrad(model.parameters()),
            new LinearTestSchedule(6, 1e-2, 0, null), new TrainingOptions { ValidationEvery = 4, Seed = 1 }, LrFinderRunTests.BlobData(5));

        var back = TrainingResult.FromJson(result.ToJson());
        var lines = result.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(result.Losses, back.Losses);
        Assert.Equal(result.Momenta, back.Momenta); // all NaN: Adagrad has no momentum
        Assert.Equal(result.ValidationSteps, back.ValidationSteps);
        Assert.Equal(result.ValidationLosses, back.ValidationLosses);
        Assert.Equal(result.StopReason, back.StopReason);
        Assert.Equal("step,lr,momentum,loss,smoothed_loss,validation_loss", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.Equal(result.ValidationLosses[0], double.Parse(lines[4].Split(',')[5], CultureInfo.InvariantCulture));
        Assert.Equal("NaN", lines[1].Split(',')[5]);
    }
}
