using LrNotebooks.RangeTest;
using LrNotebooks.Suggestions;
using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.RangeTest;

public class LrFinderRunTests
{
    internal static TrainingData BlobData(int seed = 1, int batchSize = 64)
    {
        var (x, y) = Synthetic.Blobs(seed);
        return TrainingData.FromTensors(x, y, batchSize);
    }

    internal static RangeTestResult Run(
        nn.Module<Tensor, Tensor> model, RangeTestOptions? options = null, OptimizerChoice? optimizer = null, TrainingData? data = null,
        LossFunction? loss = null, TrainingData? validation = null, IProgress<RangeTestProgress>? progress = null, CancellationToken token = default) =>
        LrFinder.Run(model, data ?? BlobData(), loss ?? Synthetic.CrossEntropy, optimizer ?? OptimizerChoice.ByName("adamw"),
            options ?? new RangeTestOptions { Seed = 1 }, validation, progress, token);

    [Fact]
    public void Records_one_point_per_step_on_the_ladder_with_the_smoothed_loss_of_the_raw_losses()
    {
        var options = new RangeTestOptions { MinLr = 1e-5, MaxLr = 1e-2, Steps = 40, Seed = 3 };
        var result = Run(Synthetic.Mlp(0), options);

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Null(result.StopStep);
        Assert.Equal(LrLadder.Build(options), result.LearningRates);
        Assert.Equal(40, result.Losses.Length);
        Assert.Equal(EmaSmoother.Smooth(result.Losses, 0.98), result.SmoothedLosses);
        Assert.Equal(SuggestionRules.All.Select(r => r.Name), result.Suggestions.Select(s => s.Rule));
        Assert.Equal("consensus", result.SuggestionRule);
        Assert.Equal("AdamW (fresh)", result.OptimizerDescription);
        Assert.Null(result.ValidationLosses);
    }

    [Fact]
    public void The_default_range_diverges_and_stops_at_the_first_step_above_four_times_the_best()
    {
        var result = Run(Synthetic.Mlp(0));

        Assert.Equal(StopReason.Diverged, result.StopReason);
        Assert.Equal(result.Losses.Length - 1, result.StopStep);
        Assert.True(result.Losses.Length < 100);
        var s = result.SmoothedLosses;
        Assert.True(s[^1] > 4 * s.Min());
        for (int i = 0; i < s.Length - 1; i++) Assert.True(s[i] <= 4 * s.Take(i + 1).Min(), $"step {i} was already diverged");
        Assert.True(double.IsFinite(result.SuggestedLr) && result.SuggestedLr > 1e-7 && result.SuggestedLr < 10);
        Assert.Contains(result.Notes, n => n.Contains("rose above 4x"));
    }

    [Fact]
    public void The_chosen_rule_decides_the_suggestion()
    {
        var result = Run(Synthetic.Mlp(0), new RangeTestOptions { Seed = 1, Suggest = "valley" });

        Assert.Equal("valley", result.SuggestionRule);
        Assert.Equal(result.Suggestions.Single(s => s.Rule == "valley").LearningRate, result.SuggestedLr);
    }

    [Fact]
    public void Reports_progress_after_every_step_with_the_recorded_values()
    {
        var progress = new RecordingProgress<RangeTestProgress>();
        var result = Run(Synthetic.Mlp(0), new RangeTestOptions { Steps = 20, MaxLr = 1e-3, Seed = 1 }, progress: progress);

        Assert.Equal(Enumerable.Range(0, 20), progress.Reports.Select(p => p.Step));
        Assert.All(progress.Reports, p => Assert.Equal(20, p.TotalSteps));
        Assert.Equal(result.LearningRates, progress.Reports.Select(p => p.LearningRate));
        Assert.Equal(result.Losses, progress.Reports.Select(p => p.Loss));
        Assert.Equal(result.SmoothedLosses, progress.Reports.Select(p => p.SmoothedLoss));
    }

    [Fact]
    public void Cancellation_ends_the_run_with_the_steps_so_far()
    {
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress<RangeTestProgress>(p => { if (p.Step == 4) cts.Cancel(); });
        var result = Run(Synthetic.Mlp(0), progress: progress, token: cts.Token);

        Assert.Equal(StopReason.Cancelled, result.StopReason);
        Assert.Equal(5, result.Losses.Length);
        Assert.Null(result.StopStep);
        Assert.Contains(result.Notes, n => n.Contains("cancelled after 5 of 100"));
    }

    [Fact]
    public void An_already_cancelled_token_runs_no_step()
    {
        var result = Run(Synthetic.Mlp(0), token: new CancellationToken(canceled: true));

        Assert.Equal(StopReason.Cancelled, result.StopReason);
        Assert.Empty(result.Losses);
        Assert.True(double.IsNaN(result.SuggestedLr));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_finite_loss_stops_at_once_and_is_left_out_of_the_suggestions(double poison)
    {
        int calls = 0;
        LossFunction loss = (p, t) => ++calls == 31 ? nn.functional.cross_entropy(p, t) * poison : nn.functional.cross_entropy(p, t);
        var result = Run(Synthetic.Mlp(0), loss: loss);

        Assert.Equal(StopReason.NonFiniteLoss, result.StopReason);
        Assert.Equal(30, result.StopStep);
        Assert.Equal(31, result.Losses.Length);
        Assert.Equal(poison, result.Losses[^1]);
        Assert.True(double.IsNaN(result.SmoothedLosses[^1]));
        Assert.All(result.SmoothedLosses.Take(30), s => Assert.True(double.IsFinite(s)));
        // The rules saw only the 30 finite points: recomputing them on those gives the same outcomes.
        var expected = SuggestionRules.All.Select(r => r.Suggest(result.LearningRates[..30], result.SmoothedLosses[..30]));
        Assert.Equal(expected, result.Suggestions);
        Assert.Contains(result.Notes, n => n.Contains("step 30"));
    }

    [Fact]
    public void A_range_that_never_diverges_says_to_try_a_larger_max_lr()
    {
        var result = Run(Synthetic.Mlp(0), new RangeTestOptions { MinLr = 1e-7, MaxLr = 1e-5, Steps = 30, Seed = 1 });

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Contains(result.Notes, n => n.Contains("never diverged") && n.Contains("larger MaxLr"));
    }

    [Fact]
    public void A_loss_that_rises_at_the_end_without_diverging_is_not_called_too_short()
    {
        var result = Run(Synthetic.Mlp(0), new RangeTestOptions { MinLr = 1e-5, MaxLr = 10, Steps = 60, Seed = 1, DivergenceFactor = 1e6 });

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.True(result.SmoothedLosses[^1] > 1.1 * result.SmoothedLosses[0], "the curve should end well above its start");
        Assert.Contains(result.Notes, n => n.Contains("rose at the end"));
        Assert.DoesNotContain(result.Notes, n => n.Contains("never diverged"));
    }

    [Fact]
    public void A_loss_falling_from_the_first_step_says_to_try_a_smaller_min_lr()
    {
        var result = Run(Synthetic.Mlp(0), new RangeTestOptions { MinLr = 3e-2, MaxLr = 10, Steps = 60, Seed = 1 });

        Assert.Contains(result.Notes, n => n.Contains("fell from the very first steps") && n.Contains("smaller MinLr"));
    }

    [Fact]
    public void A_well_placed_range_does_not_claim_the_start_was_too_high()
    {
        var result = Run(Synthetic.Mlp(0));

        Assert.DoesNotContain(result.Notes, n => n.Contains("fell from the very first steps"));
    }

    [Fact]
    public void Too_few_points_for_any_rule_gives_no_suggestion_and_says_why()
    {
        var result = Run(Synthetic.Mlp(0), new RangeTestOptions { Steps = 5, MaxLr = 1e-3, Seed = 1 });

        Assert.True(double.IsNaN(result.SuggestedLr));
        Assert.All(result.Suggestions, s => Assert.False(s.HasValue));
        var note = Assert.Single(result.Notes, n => n.StartsWith("No learning rate was suggested"));
        Assert.Contains(result.Suggestions.Single(s => s.Rule == "consensus").FailureReason!, note);
    }

    [Fact]
    public void Low_confidence_comes_from_the_consensus_rule()
    {
        var result = Run(Synthetic.Mlp(0));

        var consensus = result.Suggestions.Single(s => s.Rule == "consensus");
        Assert.Equal(consensus.LowConfidence, result.LowConfidence);
        Assert.Equal(consensus.LowConfidence, result.Notes.Any(n => n.StartsWith("Low confidence")));
    }

    [Fact]
    public void The_same_seed_gives_the_same_curve_and_another_seed_a_different_data_order()
    {
        var options = new RangeTestOptions { Steps = 30, MaxLr = 1e-2, Seed = 5 };
        var first = Run(Synthetic.Mlp(0), options);
        var again = Run(Synthetic.Mlp(0), options);
        var other = Run(Synthetic.Mlp(0), options with { Seed = 6 });

        Assert.Equal(first.Losses, again.Losses);
        Assert.NotEqual(first.Losses, other.Losses);
    }

    [Fact]
    public void Without_a_seed_the_callers_manual_seed_makes_the_run_repeatable()
    {
        var options = new RangeTestOptions { Steps = 20, MaxLr = 1e-2 };
        var model = Synthetic.Mlp(0);
        manual_seed(11);
        var first = Run(model, options);
        manual_seed(11);
        var again = Run(model, options);

        Assert.Equal(first.Losses, again.Losses);
    }

    [Fact]
    public void Discriminative_group_rates_keep_their_ratio_to_group_zero_during_the_run()
    {
        var model = Synthetic.Mlp(0);
        var parameters = model.parameters().ToList();
        var optimizer = optim.AdamW([new AdamW.ParamGroup(parameters.Take(2), lr: 1e-4), new AdamW.ParamGroup(parameters.Skip(2), lr: 1e-3)]);
        var seen = new List<(double Ladder, double Group0, double Group1)>();
        var progress = new RecordingProgress<RangeTestProgress>(p =>
        {
            var groups = optimizer.ParamGroups.ToList();
            seen.Add((p.LearningRate, groups[0].LearningRate, groups[1].LearningRate));
        });

        Run(model, new RangeTestOptions { Steps = 20, MaxLr = 1e-2, Seed = 1 }, OptimizerChoice.Existing(optimizer), progress: progress);

        Assert.Equal(20, seen.Count);
        Assert.All(seen, s =>
        {
            Assert.Equal(s.Ladder, s.Group0);
            Assert.Equal(10 * s.Ladder, s.Group1, 10 * s.Ladder * 1e-12);
        });
        Assert.Equal([1e-4, 1e-3], optimizer.ParamGroups.Select(g => g.LearningRate));
    }

    [Fact]
    public void Accumulation_averages_the_micro_batch_losses_and_reads_that_many_batches_per_step()
    {
        var model = Synthetic.Mlp(0);
        var batches = Synthetic.Batches(2, batches: 12, batchSize: 16);
        double firstExpected;
        using (no_grad())
        {
            firstExpected = batches.Take(3).Select(b => nn.functional.cross_entropy(model.call(b.X), b.Y).ToDouble()).Sum() / 3;
        }
        int read = 0;
        var counted = TrainingData.FromBatches(batches.Select(b => { read++; return b; }));

        var result = Run(model, new RangeTestOptions { Steps = 6, MaxLr = 1e-3, AccumulationSteps = 3, Seed = 1 }, data: counted);

        Assert.Equal(6, result.Losses.Length);
        Assert.Equal(18, read);
        Assert.Equal(firstExpected, result.Losses[0]);
    }

    [Fact]
    public void Validation_mode_measures_a_fixed_subset_in_eval_mode_without_gradients_every_k_steps()
    {
        var validationBatches = Synthetic.Batches(9, batches: 3, batchSize: 7);
        var validationCalls = new List<(bool Grad, double Sum)>();
        var model = new ProbeModule(Synthetic.Mlp(0), (_, x, output) =>
        {
            if (x.shape[0] == 7) validationCalls.Add((is_grad_enabled(), x.sum().ToDouble()));
            return output;
        });
        var options = new RangeTestOptions { Steps = 12, MaxLr = 1e-2, ValidationEvery = 5, ValidationBatches = 2, Seed = 1 };

        var result = Run(model, options, validation: TrainingData.FromBatches(validationBatches));

        var measured = Enumerable.Range(0, 12).Where(i => double.IsFinite(result.ValidationLosses![i])).ToArray();
        Assert.Equal([4, 9, 11], measured);
        Assert.Equal(3 * 2, validationCalls.Count);
        Assert.All(validationCalls, c => Assert.False(c.Grad));
        var subset = validationBatches.Take(2).Select(b => b.X.sum().ToDouble()).ToArray();
        Assert.Equal(Enumerable.Repeat(subset, 3).SelectMany(s => s), validationCalls.Select(c => c.Sum));
    }

    [Fact]
    public void Validation_uses_eval_mode_and_training_resumes_in_train_mode()
    {
        var modes = new List<(long Rows, bool Training)>();
        ProbeModule? probe = null;
        probe = new ProbeModule(Synthetic.Mlp(0, batchNormAndDropout: true), (_, x, output) => { modes.Add((x.shape[0], probe!.training)); return output; });
        var options = new RangeTestOptions { Steps = 6, MaxLr = 1e-2, ValidationEvery = 2, ValidationBatches = 1, Seed = 1 };

        Run(probe, options, validation: TrainingData.FromBatches(Synthetic.Batches(9, batches: 1, batchSize: 7)));

        Assert.All(modes, m => Assert.Equal(m.Rows != 7, m.Training));
        Assert.Equal(3, modes.Count(m => m.Rows == 7));
    }

    [Fact]
    public void Validation_every_k_without_validation_data_is_rejected_before_training()
    {
        var model = new ProbeModule(Synthetic.Mlp(0), (_, _, o) => o);
        var error = Assert.Throws<ArgumentException>(() => Run(model, new RangeTestOptions { ValidationEvery = 5 }));

        Assert.Equal("validation", error.ParamName);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public void Validation_data_without_validation_every_is_noted()
    {
        var result = Run(Synthetic.Mlp(0), new RangeTestOptions { Steps = 10, MaxLr = 1e-3, Seed = 1 }, validation: BlobData(2));

        Assert.Null(result.ValidationLosses);
        Assert.Contains(result.Notes, n => n.Contains("ValidationEvery is 0"));
    }

    [Fact]
    public void Bad_options_are_rejected_before_any_forward_pass()
    {
        var model = new ProbeModule(Synthetic.Mlp(0), (_, _, o) => o);
        var error = Assert.Throws<ArgumentException>(() => Run(model, new RangeTestOptions { MinLr = 1, MaxLr = 0.1 }));

        Assert.Equal("MinLr", error.ParamName);
        Assert.Equal(0, model.Calls);
    }

    [Theory]
    [InlineData("fresh")]
    [InlineData("adamw")]
    [InlineData("sgd")]
    public void No_tensor_outlives_the_run(string optimizerName)
    {
        var model = Synthetic.Mlp(0);
        var data = BlobData();
        var validation = BlobData(4);
        var optimizer = optimizerName switch
        {
            "adamw" => OptimizerChoice.Existing(optim.AdamW(model.parameters())),
            "sgd" => OptimizerChoice.Existing(optim.SGD(model.parameters(), 0.01, momentum: 0.9)),
            _ => OptimizerChoice.ByName("adamw"),
        };
        Run(model, new RangeTestOptions { Steps = 5, Seed = 1 }, optimizer, data); // warm-up: lazily created native state
        long before = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        Run(model, new RangeTestOptions { Steps = 30, Seed = 1, ValidationEvery = 3 }, optimizer, data, validation: validation);

        long after = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        Assert.Equal(before, after);
    }
}
