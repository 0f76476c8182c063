using System.Text.Json.Nodes;
using LrNotebooks.NotebookRunner.Hosting;
using LrNotebooks.NotebookRunner.Notebooks;

namespace LrNotebooks.EndToEnd.Tests.Runner;

/// <summary>How the runner turns host events into Jupyter outputs (events shaped as `dotnet interactive stdio` sends them).</summary>
public class JupyterOutputsTests
{
    private static KernelEventEnvelope Event(string type, JsonObject payload, string token = "runner-1") =>
        KernelEventEnvelope.TryParse(new JsonObject
        {
            ["event"] = payload,
            ["eventType"] = type,
            ["command"] = new JsonObject { ["token"] = token, ["commandType"] = "SubmitCode" },
        }.ToJsonString())!;

    private static JsonObject Values(string? valueId, params (string Mime, string Value)[] values) => new()
    {
        ["formattedValues"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject
        {
            ["mimeType"] = v.Mime, ["value"] = v.Value, ["suppressDisplay"] = false,
        }).ToArray()),
        ["valueId"] = valueId,
    };

    private static JsonObject Text(string text) => Values(null, ("text/plain", text));

    [Fact]
    public void An_updated_display_keeps_only_its_final_state_in_place()
    {
        var result = new SubmissionResult("runner-1",
        [
            Event(KernelEventTypes.DisplayedValueProduced, Values("p", ("text/plain", "step 0/100"))),
            Event(KernelEventTypes.DisplayedValueProduced, Values("chart", ("text/html", "<div>chart</div>"))),
            Event(KernelEventTypes.DisplayedValueUpdated, Values("p", ("text/plain", "step 50/100")), "runner-1.1"),
            Event(KernelEventTypes.DisplayedValueUpdated, Values("p", ("text/plain", "step 100/100")), "runner-1.1"),
            Event(KernelEventTypes.CommandSucceeded, new JsonObject()),
        ]);

        var outputs = JupyterOutputs.From(result, executionCount: 3);

        Assert.Equal(2, outputs.Count);
        Assert.Equal("display_data", (string?)outputs[0]["output_type"]);
        Assert.Equal("step 100/100", (string?)outputs[0]["data"]!["text/plain"]);
        Assert.Equal("<div>chart</div>", (string?)outputs[1]["data"]!["text/html"]);
    }

    [Fact]
    public void Streams_merge_per_name_and_the_return_value_is_an_execute_result()
    {
        var result = new SubmissionResult("runner-1",
        [
            Event(KernelEventTypes.StandardOutputValueProduced, Text("a\n")),
            Event(KernelEventTypes.StandardOutputValueProduced, Text("b\n")),
            Event(KernelEventTypes.StandardErrorValueProduced, Text("warn\n")),
            Event(KernelEventTypes.ReturnValueProduced, Values(null, ("text/html", "<b>3</b>"), ("text/plain", "3"))),
            Event(KernelEventTypes.CommandSucceeded, new JsonObject()),
        ]);

        var outputs = JupyterOutputs.From(result, executionCount: 7);

        Assert.Collection(outputs,
            o => Assert.Equal(("stream", "stdout", "a\nb\n"), ((string?)o["output_type"], (string?)o["name"], (string?)o["text"])),
            o => Assert.Equal(("stream", "stderr", "warn\n"), ((string?)o["output_type"], (string?)o["name"], (string?)o["text"])),
            o =>
            {
                Assert.Equal("execute_result", (string?)o["output_type"]);
                Assert.Equal(7, (int?)o["execution_count"]);
                Assert.Equal("3", (string?)o["data"]!["text/plain"]);
                Assert.Equal("<b>3</b>", (string?)o["data"]!["text/html"]);
            });
    }

    [Fact]
    public void A_failed_cell_ends_with_an_error_output_carrying_the_message()
    {
        var result = new SubmissionResult("runner-1",
        [
            Event(KernelEventTypes.StandardOutputValueProduced, Text("before\n")),
            Event(KernelEventTypes.CommandFailed, new JsonObject { ["message"] = "--max-lr must be a positive number" }),
        ]);

        var outputs = JupyterOutputs.From(result, executionCount: 1);

        Assert.False(result.Succeeded);
        Assert.Equal(2, outputs.Count);
        Assert.Equal("error", (string?)outputs[1]["output_type"]);
        Assert.Equal("--max-lr must be a positive number", (string?)outputs[1]["evalue"]);
    }
}
