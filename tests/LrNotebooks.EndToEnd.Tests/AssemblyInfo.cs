// One notebook host at a time: each runs TorchSharp on the machine's few cores, and timing-sensitive steps
// (an interrupt mid-run) must not compete with another host for them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
