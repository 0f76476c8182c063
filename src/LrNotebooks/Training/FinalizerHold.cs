using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace LrNotebooks.Training;

/// <summary>
/// Keeps the finalizer thread parked while the training thread runs TorchSharp code, so that no
/// <see cref="TorchSharp.Scalar"/> finalizer frees a native scalar that a running native call still reads.
/// </summary>
/// <remarks>
/// <para>Why: TorchSharp 0.107's <see cref="TorchSharp.Scalar"/> holds a raw handle and frees it in its finalizer, and
/// its methods pass <c>scalar.Handle</c> to P/Invokes without <c>GC.KeepAlive</c>. Optimizer steps turn doubles into
/// temporary Scalars (AdamW: <c>exp_avg.mul_(beta1).add_(grad, alpha: 1 - beta1)</c>), which are unreachable once
/// their handle is read. A garbage collection from any other thread during the native call, followed by the
/// finalizer, frees the c10::Scalar under the running kernel: "Unknown scalar type" or "Expected false to be
/// true" from <c>Scalar::toFloat</c>. Parking the finalizer thread does not stop the collection, but defers every
/// finalizer until the step's native calls have returned. A no-GC region cannot do this: it starts with a full
/// blocking collection and any induced collection (<c>GC.Collect</c> on another thread) ends it.</para>
/// <para>Parking forces a gen-0 collection (the parking object's finalizer is what blocks) and waits until the
/// finalizer thread has run what it queued before that object (the Scalars of the steps since the last park, which
/// otherwise finalize beside training on another core): 0.2-4 ms measured. So one park covers consecutive steps up
/// to <see cref="MaxHold"/> rather than costing that per step. Two trainings on two threads take turns in such
/// slices (the second park waits for the first to be let go).</para>
/// <para>TorchSharp's tensor factories call <c>GC.WaitForPendingFinalizers</c> when native creation fails (bad
/// arguments, out of memory), which would wait on the parked thread forever. The parked finalizer therefore lets
/// go as soon as the holding thread is seen blocked in a managed wait (or ended); the next <see cref="Hold"/> parks anew.
/// A managed wait inside a step thus ends the protection for the rest of that step. A blocking native wait is not
/// seen as one, so a park also lets go after <see cref="MaxPark"/> whatever the holder does: a hang bounded in time
/// is better than none, at the price of an unprotected remainder in steps longer than that.</para>
/// </remarks>
internal sealed class FinalizerHold : IDisposable
{
    /// <summary>Long enough that one park covers many small steps, short enough that finalizers keep up.</summary>
    public static readonly TimeSpan DefaultMaxHold = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest a park lasts, whatever the holding thread does.</summary>
    public static readonly TimeSpan MaxPark = TimeSpan.FromSeconds(10);

    /// <param name="maxHold">How long finalizers may stay deferred before <see cref="ReleaseIfDue"/> lets them run.</param>
    public FinalizerHold(TimeSpan? maxHold = null) => MaxHold = maxHold ?? DefaultMaxHold;

    /// <summary>Longest time finalizers stay deferred before <see cref="ReleaseIfDue"/> lets them run.</summary>
    public TimeSpan MaxHold { get; }

    private Park? _park;
    private long _parkedAt;

    /// <summary>Runs <paramref name="work"/> (a one-off such as building a task) with the finalizer thread parked.</summary>
    public static T During<T>(Func<T> work)
    {
        using var hold = new FinalizerHold();
        hold.Hold();
        return work();
    }

    /// <summary>Number of times this hold parked the finalizer thread.</summary>
    public int Parks { get; private set; }

    /// <summary>Whether the finalizer thread is parked for this hold right now.</summary>
    public bool IsHeld => _park is { LetGo: false };

    /// <summary>Parks the finalizer thread unless it already is (blocks until it is).</summary>
    public void Hold()
    {
        if (IsHeld) return;
        _park = Park.Start();
        _parkedAt = Stopwatch.GetTimestamp();
        Parks++;
    }

    /// <summary>Lets the finalizer thread go if it has been parked for <see cref="MaxHold"/> or longer.</summary>
    public void ReleaseIfDue()
    {
        if (_park is not null && Stopwatch.GetElapsedTime(_parkedAt) >= MaxHold) Release();
    }

    /// <summary>Lets the finalizer thread go (pending finalizers then run).</summary>
    public void Release()
    {
        _park?.Release();
        _park = null;
    }

    public void Dispose() => Release();

    /// <summary>One parking of the finalizer thread, on behalf of the thread that started it.</summary>
    private sealed class Park
    {
        private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(10);

        private readonly Thread _holder = Thread.CurrentThread;
        private readonly ManualResetEventSlim _parked = new();
        private readonly ManualResetEventSlim _released = new();
        private volatile bool _holding;
        private volatile bool _letGo;

        /// <summary>Whether the finalizer thread stopped waiting because the holder was blocked in a managed wait.</summary>
        public bool LetGo => _letGo;

        public static Park Start()
        {
            var park = new Park();
            Abandon(park);
            GC.Collect(0);       // finds the abandoned blocker and queues its finalizer
            try
            {
                park._parked.Wait(); // the finalizer thread is now inside it
            }
            catch
            {
                park.Release(); // or the blocker, already queued, would park the finalizer thread for good
                throw;
            }
            park._holding = true;
            return park;
        }

        public void Release() => _released.Set();

        // Not inlined so that no reference to the blocker stays on the caller's stack.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Abandon(Park park) => _ = new Blocker(park);

        /// <summary>Runs on the finalizer thread until released, or until the holder waits (possibly on finalizers) or ends.</summary>
        private void Block()
        {
            _parked.Set();
            long since = Stopwatch.GetTimestamp();
            while (!_released.Wait(WatchInterval))
            {
                if (HolderWaitsOrEnded() || Stopwatch.GetElapsedTime(since) >= MaxPark)
                {
                    _letGo = true;
                    return;
                }
            }
        }

        // Before the holder has seen the park it is waiting for it (a managed wait that must not count); an ended
        // holder counts at any time.
        private bool HolderWaitsOrEnded()
        {
            var state = _holder.ThreadState;
            return (state & System.Threading.ThreadState.Stopped) != 0
                || (_holding && (state & System.Threading.ThreadState.WaitSleepJoin) != 0);
        }

        private sealed class Blocker(Park park)
        {
            ~Blocker() => park.Block();
        }
    }
}
