using System.Diagnostics;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using LrNotebooks.Interactive.Charts;
using LrNotebooks.Schedules;

namespace LrNotebooks.Interactive.Tests;

/// <summary>The directives running the engine: results in variables, rendering, progress, interrupts, training.</summary>
public class RunTests(UserKernelSession session) : IClassFixture<UserKernelSession>
{
    private async Task Ok(string code)
    {
        var result = await session.Submit(code);
        Assert.Null(KernelSession.Failure(result));
    }

    [Fact]
    public async Task Lrfind_without_parameters_runs_the_default_task_and_leaves_its_result_in_lrfind()
    {
        var result = await session.Submit("#!lrfind");

        Assert.Null(KernelSession.Failure(result));
        var html = Assert.Single(KernelSession.Outputs(result, "text/html"), h => h.Contains("lrnb-result"));
        Assert.Contains("<div class=\"lrnb-chart\"", html);
        Assert.Contains("<table class=\"lrnb-summary\"", html);
        Assert.True(await session.Value<double>("lrfind.SuggestedLr") > 0);
        var steps = await session.Value<int>("lrfind.Losses.Length");
        Assert.InRange(steps, 2, 100);
        Assert.Equal(steps, await session.Value<int>("lrfind.LearningRates.Length"));
    }

    [Fact]
    public async Task Returning_the_result_from_a_cell_renders_chart_and_summary()
    {
        await Ok("#!lrfind --steps 30 --name rendered");
        var result = await session.Submit("rendered");

        var value = result.Events.OfType<ReturnValueProduced>().Single();
        Assert.Contains(value.FormattedValues, v => v.MimeType == "text/html" && v.Value.Contains("<div class=\"lrnb-chart\""));
        Assert.Contains(value.FormattedValues, v => v.MimeType == "text/plain" && v.Value.StartsWith("LR range test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Name_puts_the_result_in_another_variable()
    {
        await Ok("#!lrfind --steps 25 --divergence off --name second_run");
        Assert.Equal(25, await session.Value<int>("second_run.Losses.Length"));
    }

    [Theory]
    [InlineData("--data train")]
    [InlineData("--data batches --loss myLoss")]
    [InlineData("--data train --optimizer myOptimizer --mode linear --max-lr 1")]
    public async Task The_users_model_and_optimizer_are_unchanged_after_a_range_test(string parameters)
    {
        await Ok($"#!lrfind --model net {parameters} --steps 40 --name userRun");

        Assert.True(await session.Value<int>("userRun.Losses.Length") >= 2);
        Assert.True(await session.Value<bool>("SameWeights(net, netBefore)"));
        Assert.Equal(0.01, await session.Value<double>("myOptimizer.ParamGroups.First().LearningRate"));
    }

    [Fact]
    public async Task Progress_updates_in_place_at_most_four_times_a_second()
    {
        var clock = Stopwatch.StartNew();
        var result = await session.Submit("#!lrfind --steps 400 --divergence off --max-lr 1e-2 --name slow");
        clock.Stop();

        Assert.Null(KernelSession.Failure(result));
        var updates = result.Events.OfType<DisplayedValueUpdated>().ToList();
        Assert.NotEmpty(updates);
        Assert.Single(updates.Select(u => u.ValueId).Distinct()); // one output, updated in place
        Assert.True(updates.Count <= clock.Elapsed.TotalSeconds * 4 + 2, $"{updates.Count} updates in {clock.Elapsed}");
        Assert.Contains(updates, u => u.FormattedValues.Any(v => v.Value.Contains("lrfind: step ")));
        Assert.Contains("400 steps", updates[^1].FormattedValues.Single().Value);
    }

    [Fact]
    public async Task An_interrupt_stops_the_run_and_leaves_the_users_model_as_it_was()
    {
        await Ok("var big = nn.Sequential(nn.Linear(2, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 3)); var bigBefore = Snapshot(big);");
        var firstProgress = new TaskCompletionSource();
        using var _ = session.Kernel.KernelEvents.Subscribe(e =>
        {
            if (e is DisplayedValueUpdated u && u.FormattedValues.Any(v => v.Value.Contains("lrfind: step "))) firstProgress.TrySetResult();
        });

        var run = session.Kernel.SendAsync(new SubmitCode("#!lrfind --model big --data train --steps 100000 --divergence off --max-lr 1e-6 --name interrupted"));
        await firstProgress.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();
        await session.Kernel.SendAsync(new Cancel());
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        Assert.NotNull(KernelSession.Failure(result));
        // the next run waits until the interrupted one has restored the model
        await Ok("#!lrfind --steps 5 --name afterInterrupt");
        Assert.True(await session.Value<bool>("SameWeights(big, bigBefore)"));
        Assert.Contains("CS0103", KernelSession.Failure(await session.Submit("interrupted"))); // no result was stored
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancel took {clock.Elapsed}");
    }

    [Fact]
    public async Task Onecycle_auto_takes_the_last_suggestion()
    {
        await Ok("#!lrfind --steps 60 --name forAuto");
        await Ok("#!onecycle --max-lr auto --steps 50 --name autoCycle");

        Assert.Equal(await session.Value<double>("forAuto.SuggestedLr"), await session.Value<double>("autoCycle.MaxLr"));
        Assert.Contains("auto", await session.Value<string>("autoCycle.MaxLrSource"));
    }

    [Fact]
    public async Task Onecycle_previews_both_anneals_without_training()
    {
        var result = await session.Submit("#!onecycle --max-lr 1e-3 --steps 40 --anneal both");

        Assert.Null(KernelSession.Failure(result));
        Assert.Contains(KernelSession.Outputs(result, "text/html"), h => h.Contains("One Cycle schedule"));
        Assert.Equal(2, await session.Value<int>("onecycle.Schedules.Count"));
        Assert.Equal(40, await session.Value<int>("onecycle.LearningRates.Length"));
        Assert.Equal(1e-3, await session.Value<double>("onecycle.LearningRates.Max()"), 12);
        Assert.True(await session.Value<bool>("onecycle.Training is null"));
    }

    [Fact]
    public async Task Epochs_times_steps_per_epoch_gives_the_schedule_length()
    {
        await Ok("#!onecycle --max-lr 1e-3 --epochs 3 --steps-per-epoch 7 --preset fastai --name epochs");
        Assert.Equal(21, await session.Value<int>("epochs.TotalSteps"));
        Assert.Equal("fastai", await session.Value<string>("epochs.Preset"));
    }

    [Fact]
    public async Task Fastai_preset_previews_the_engines_fastai_schedule()
    {
        await Ok("#!onecycle --max-lr 3e-3 --steps 90 --preset fastai --name fastaiCycle");

        var expected = ScheduleTable.Of(OneCycleSchedule.Fastai(90, 3e-3));
        Assert.Equal(expected.LearningRates[0], await session.Value<double[]>("fastaiCycle.LearningRates"));
        Assert.Equal(expected.Momenta![0], await session.Value<double[]>("fastaiCycle.Momenta"));
        Assert.Equal(3e-3 / 25, (await session.Value<double[]>("fastaiCycle.LearningRates"))[0]); // step 0 is exactly max / div
    }

    [Fact]
    public async Task Fastai_preset_takes_explicit_parameters_and_trains_with_its_schedule()
    {
        await Ok("var net4 = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3));");
        await Ok("#!onecycle --max-lr 1e-2 --steps 24 --preset fastai --pct-start 0.4 --div-factor 10 --final-div-factor 1e3 " +
                 "--base-momentum 0.8 --max-momentum 0.9 --train --model net4 --data train --name fastaiTrained");

        var expected = ScheduleTable.Of(new FastaiOneCycleSchedule(new FastaiOneCycleOptions
        {
            MaxLrs = [1e-2], TotalSteps = 24, PctStart = 0.4, DivFactor = 10, FinalDivFactor = 1e3, Moms = (0.9, 0.8, 0.9),
        }));
        Assert.Equal(expected.LearningRates[0], await session.Value<double[]>("fastaiTrained.LearningRates"));
        Assert.Equal(expected.LearningRates[0], await session.Value<double[]>("fastaiTrained.Training.LearningRates"));
        Assert.Equal(expected.Momenta![0], await session.Value<double[]>("fastaiTrained.Training.Momenta")); // AdamW's beta1
    }

    [Fact]
    public async Task Train_with_compare_constant_trains_the_users_model_and_both_runs_start_alike()
    {
        await Ok("var net2 = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3)); var net2Before = Snapshot(net2);");
        var result = await session.Submit("#!onecycle --max-lr 1e-2 --steps 30 --train --compare-constant --model net2 --data train --seed 3 --name trained");

        Assert.Null(KernelSession.Failure(result));
        Assert.Equal(30, await session.Value<int>("trained.Training.Losses.Length"));
        Assert.Equal(30, await session.Value<int>("trained.ConstantTraining.Losses.Length"));
        Assert.Equal(await session.Value<double>("trained.ConstantTraining.Losses[0]"), await session.Value<double>("trained.Training.Losses[0]"));
        Assert.False(await session.Value<bool>("SameWeights(net2, net2Before)")); // --train trains the user's model
        var html = string.Concat(KernelSession.Outputs(result, "text/html"));
        Assert.Contains("constant lr 1.0e-2", html);
        Assert.Contains(result.Events.OfType<DisplayedValueUpdated>(), u => u.FormattedValues.Any(v => v.Value.Contains("onecycle: trained")));
    }

    [Fact]
    public async Task A_1000_step_training_chart_with_the_constant_run_is_at_most_50_kb_and_keeps_the_smoothed_curve()
    {
        await Ok("var net5 = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3));");
        await Ok("#!onecycle --max-lr 1e-2 --steps 1000 --train --compare-constant --model net5 --data train --name longRun");
        var run = await session.Value<OneCycleResult>("longRun");

        var html = ChartHtml.Render(TrainingChart.Build(run.Training!, run.ConstantTraining, run.ConstantLr), PlotlyMode.Cdn);
        Assert.True(html.Length <= 50_000, $"training chart is {html.Length} chars");
        var smoothed = ChartJson.Parse(html).Trace("smoothed loss (one cycle)");
        var (x, y) = (smoothed.GetProperty("x"), smoothed.GetProperty("y"));
        Assert.InRange(x.GetArrayLength(), 200, Thinning.MaxPoints);
        Assert.Equal(999, x[x.GetArrayLength() - 1].GetDouble());
        for (var i = 0; i < x.GetArrayLength(); i++) // every point lies on the curve (to the five digits charts keep)
            Assert.Equal(run.Training!.SmoothedLosses[(int)x[i].GetDouble()], y[i].GetDouble(), 4);
    }

    [Fact]
    public async Task Train_on_the_default_task_shows_the_loss()
    {
        var result = await session.Submit("#!onecycle --max-lr 1e-2 --steps 40 --train --name taskTrained");

        Assert.Null(KernelSession.Failure(result));
        Assert.Equal("built-in task 'spirals'", await session.Value<string>("taskTrained.TrainedOn"));
        Assert.Contains(KernelSession.Outputs(result, "text/html"), h => h.Contains("Training"));
    }

    [Fact]
    public async Task An_interrupt_during_training_puts_the_weights_and_the_users_optimizer_back_bitwise()
    {
        // an AdamW with history: its moment buffers and step counts are not empty
        await Ok("""
            var net3 = nn.Sequential(nn.Linear(2, 512), nn.ReLU(), nn.Linear(512, 3));
            var adam3 = torch.optim.AdamW(net3.parameters(), 2e-3, beta1: 0.91);
            for (var i = 0; i < 3; i++) { adam3.zero_grad(); nn.functional.cross_entropy(net3.call(x), y).backward(); adam3.step(); }
            byte[] OptimizerBytes(torch.optim.Optimizer o)
            {
                using var stream = new System.IO.MemoryStream();
                using (var writer = new System.IO.BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ((TorchSharp.Modules.OptimizerHelper)o).save_state_dict(writer);
                return stream.ToArray();
            }
            byte[] WeightBytes(nn.Module m) => m.state_dict().SelectMany(kv => kv.Value.detach().contiguous().bytes.ToArray()).ToArray();
            var net3Before = WeightBytes(net3);
            var adam3Before = OptimizerBytes(adam3);
            """);
        var started = new TaskCompletionSource();
        using var _ = session.Kernel.KernelEvents.Subscribe(e =>
        {
            if (e is DisplayedValueUpdated) started.TrySetResult();
        });

        var run = session.Kernel.SendAsync(new SubmitCode("#!onecycle --max-lr 1e-2 --steps 100000 --train --model net3 --data train --optimizer adam3 --name never"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await session.Kernel.SendAsync(new Cancel());
        Assert.NotNull(KernelSession.Failure(await run.WaitAsync(TimeSpan.FromSeconds(30))));

        await Ok("#!onecycle --max-lr 1e-3 --steps 5 --train --name afterTrainInterrupt");
        Assert.True(await session.Value<bool>("WeightBytes(net3).SequenceEqual(net3Before)"));
        Assert.True(await session.Value<bool>("OptimizerBytes(adam3).SequenceEqual(adam3Before)"));
        Assert.Equal(2e-3, await session.Value<double>("adam3.ParamGroups.First().LearningRate"));
        Assert.Equal(0.91, await session.Value<double>("((torch.optim.IBetas)adam3.ParamGroups.First()).Betas.Item1"));
    }

    [Fact]
    public async Task Train_with_a_two_group_optimizer_keeps_each_groups_ratio_to_group_0()
    {
        await Ok("""
            var backboneG = nn.Linear(2, 16);
            var headG = nn.Linear(16, 3);
            var netG = nn.Sequential(backboneG, nn.ReLU(), headG);
            var twoGroups = torch.optim.AdamW([
                new TorchSharp.Modules.AdamW.ParamGroup(backboneG.parameters(), lr: 1e-4),
                new TorchSharp.Modules.AdamW.ParamGroup(headG.parameters(), lr: 1e-3)], lr: 1e-3);
            """);
        await Ok("#!onecycle --max-lr 1e-2 --steps 20 --train --model netG --data train --optimizer twoGroups --name grouped");

        Assert.Equal(2, await session.Value<int>("grouped.Schedule.GroupCount"));
        Assert.Equal(1e-2, await session.Value<double>("Enumerable.Range(0, 21).Max(s => grouped.Schedule.At(s, 0).LearningRate)"), 12);
        Assert.Equal(10.0, await session.Value<double>("grouped.Schedule.At(5, 1).LearningRate / grouped.Schedule.At(5, 0).LearningRate"), 9);
        // the optimizer really ran that way: its groups hold the last step's rates, still 10x apart
        Assert.Equal(10.0, await session.Value<double>("twoGroups.ParamGroups.ElementAt(1).LearningRate / twoGroups.ParamGroups.First().LearningRate"), 9);
    }
}
