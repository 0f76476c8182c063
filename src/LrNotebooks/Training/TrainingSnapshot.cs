using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>
/// Everything a run may change, copied deeply: the model's parameters, gradients, buffers (BatchNorm
/// statistics included) and train/eval flags, the user's optimizer state (per-group LR, betas or momentum,
/// moment buffers, step counts) and the torch RNG state. <see cref="Restore"/> puts all of it back bitwise.
/// The range test restores with it after every run; take one yourself to undo a training run (e.g. when it is
/// interrupted) or to start a second run from the same point.
/// </summary>
/// <remarks>
/// The optimizer goes through its own serialisation into memory because <c>state_dict()</c> returns live
/// objects and SGD's in-memory load fails on empty momentum buffers.
/// </remarks>
public sealed class TrainingSnapshot : IDisposable
{
    private readonly List<(Tensor Live, Tensor Copy)> _tensors;
    private readonly List<(Tensor Parameter, Tensor? Grad)> _grads;
    private readonly List<(nn.Module Module, bool Training)> _modes;
    private readonly (OptimizerHelper Optimizer, byte[] State)? _optimizer;
    private readonly Tensor _rng;

    private TrainingSnapshot(nn.Module model, optim.Optimizer? optimizer)
    {
        var helper = optimizer is null ? null : Serializable(optimizer); // before copying anything, so a refusal leaks nothing
        _tensors = model.parameters().Concat(model.named_buffers(recurse: true, include_nonpersistent: true).Select(b => b.buffer))
            .Select(t => (t, Copy(t))).ToList();
        _grads = model.parameters().Select(p => ((Tensor)p, CopyGrad(p))).ToList();
        _modes = [];
        CollectModes(model, _modes);
        if (helper is not null) _optimizer = (helper, Serialize(helper));
        _rng = get_rng_state().DetachFromDisposeScope();
    }

    /// <param name="model">The model whose state to copy.</param>
    /// <param name="optimizer">The optimizer to copy too (one of TorchSharp's built-in optimizers), or null when the run makes its own.</param>
    /// <exception cref="ArgumentException">The optimizer cannot serialise its state (it does not derive from OptimizerHelper).</exception>
    public static TrainingSnapshot Take(nn.Module model, optim.Optimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model, optimizer);
    }

    /// <summary>Puts the model, optimizer and RNG back as they were when the snapshot was taken; can be called more than once.</summary>
    public void Restore()
    {
        using (no_grad())
        {
            foreach (var (live, copy) in _tensors) live.copy_(copy);
            foreach (var (parameter, grad) in _grads) RestoreGrad(parameter, grad);
        }
        // Pre-order, so a child's own flag overrides the recursive train() of its parent.
        foreach (var (module, training) in _modes) module.train(training);
        if (_optimizer is var (helper, state))
        {
            using var reader = new BinaryReader(new MemoryStream(state));
            helper.load_state_dict(reader);
        }
        set_rng_state(_rng);
    }

    public void Dispose()
    {
        foreach (var (_, copy) in _tensors) copy.Dispose();
        foreach (var (_, grad) in _grads) grad?.Dispose();
        _rng.Dispose();
    }

    // Each read of .grad makes a new handle to the same gradient: dispose the handle, not the gradient.
    private static Tensor? CopyGrad(Tensor parameter)
    {
        using var grad = parameter.grad;
        return grad is null ? null : Copy(grad);
    }

    private static void RestoreGrad(Tensor parameter, Tensor? saved)
    {
        using var grad = parameter.grad;
        if (saved is null) parameter.grad = null;
        else if (grad is not null) grad.copy_(saved);
        else parameter.grad = saved.clone().DetachFromDisposeScope();
    }

    private static void CollectModes(nn.Module module, List<(nn.Module, bool)> modes)
    {
        modes.Add((module, module.training));
        foreach (var child in module.children()) CollectModes(child, modes);
    }

    // Owned by the snapshot, not by whatever dispose scope the caller has open.
    private static Tensor Copy(Tensor t)
    {
        using var detached = t.detach();
        return detached.clone().DetachFromDisposeScope();
    }

    // Only OptimizerHelper can serialise its state, which the exact restore depends on.
    internal static OptimizerHelper Serializable(optim.Optimizer optimizer) =>
        optimizer as OptimizerHelper ?? throw new ArgumentException(
            $"The optimizer ({optimizer.GetType().Name}) must be one of TorchSharp's built-in optimizers (derived from OptimizerHelper) " +
            "so that its state can be saved and restored.", nameof(optimizer));

    private static byte[] Serialize(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            optimizer.save_state_dict(writer);
        return stream.ToArray();
    }
}
