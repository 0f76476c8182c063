// Torch keeps process-global state (RNG, threads): run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
