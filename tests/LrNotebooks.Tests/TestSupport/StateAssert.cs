using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.TestSupport;

/// <summary>Bitwise pictures of model, optimizer and RNG state, for exact-restore assertions.</summary>
internal static class StateAssert
{
    /// <summary>Every parameter, buffer and gradient as raw bytes (NaN-safe, sign-of-zero-safe), plus train flags.</summary>
    public static Dictionary<string, byte[]> Model(nn.Module model)
    {
        var picture = new Dictionary<string, byte[]>();
        foreach (var (name, p) in model.named_parameters())
        {
            picture["param:" + name] = Bytes(p);
            picture["grad:" + name] = p.grad is { } g ? Bytes(g) : [];
        }
        foreach (var (name, b) in model.named_buffers(recurse: true, include_nonpersistent: true)) picture["buffer:" + name] = Bytes(b);
        foreach (var (name, m) in model.named_modules()) picture["training:" + name] = [m.training ? (byte)1 : (byte)0];
        return picture;
    }

    public static void SameModel(Dictionary<string, byte[]> expected, nn.Module model)
    {
        var actual = Model(model);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[key]), $"{key} changed");
    }

    public static byte[] Optimizer(optim.Optimizer optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ((OptimizerHelper)optimizer).save_state_dict(writer);
        return stream.ToArray();
    }

    public static byte[] Rng()
    {
        using var state = get_rng_state();
        return Bytes(state);
    }

    public static byte[] Bytes(Tensor t)
    {
        using var contiguous = t.detach().cpu().contiguous();
        return contiguous.bytes.ToArray();
    }

    /// <summary>Trains a few steps with the optimizer as it is and returns the losses (exact replay check).</summary>
    public static double[] ContinueTraining(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, (Tensor X, Tensor Y) batch, int steps = 5)
    {
        var losses = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(batch.X), batch.Y);
            loss.backward();
            optimizer.step();
            losses[i] = loss.item<float>();
        }
        return losses;
    }
}
