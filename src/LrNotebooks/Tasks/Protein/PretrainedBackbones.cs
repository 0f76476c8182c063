using System.Security.Cryptography;
using System.Text;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// The pre-trained backbones of the built-in protein tasks. The first request pre-trains one (masked-residue
/// prediction on the training windows, fixed seed, a few seconds) and saves it under
/// <see cref="CacheFolder"/>; every request, the first included, loads it from that file, so all task
/// instances start from the same bits. The file name carries a fingerprint of the model and pre-training
/// settings, the data and this assembly's build, so a changed library never loads a stale checkpoint.
/// </summary>
public static class PretrainedBackbones
{
    public static ProteinModelOptions ModelOptions { get; } = new();
    public static PretrainingOptions Pretraining { get; } = new() { Seed = 0 };
    public static string CacheFolder => Path.Combine(Path.GetTempPath(), "lrnotebooks", "protein-backbones");

    public static ProteinBackbone Load(ProteinModelKind kind, ProteinFamilyData data)
    {
        var path = CheckpointPath(kind, data);
        if (!File.Exists(path))
            Save(Pretrain(kind, data), path);
        return BackboneCheckpoint.Load(path, kind, ModelOptions);
    }

    public static string CheckpointPath(ProteinModelKind kind, ProteinFamilyData data) =>
        Path.Combine(CacheFolder, $"{kind.ToString().ToLowerInvariant()}-{Fingerprint(kind, data)}.bin");

    // Weights and dropout draw from torch's global RNG, so the whole run is seeded (and the caller's RNG restored).
    private static ProteinBackbone Pretrain(ProteinModelKind kind, ProteinFamilyData data) =>
        TaskRandom.WithSeededGlobalRng(Pretraining.Seed, () =>
        {
            var backbone = ProteinBackbone.Create(kind, ModelOptions);
            using var pretrainer = new MaskedResiduePretrainer(backbone, Pretraining);
            pretrainer.Run(data.TrainTokens);
            return backbone;
        });

    private static void Save(ProteinBackbone backbone, string path)
    {
        using (backbone)
            BackboneCheckpoint.Save(backbone, path);
    }

    private static string Fingerprint(ProteinModelKind kind, ProteinFamilyData data)
    {
        var windows = string.Join(",", data.TrainWindows.Select(w => $"{w.RecordId}@{w.Start}"));
        var build = typeof(PretrainedBackbones).Assembly.ManifestModule.ModuleVersionId;
        var text = $"{kind}|{ModelOptions}|{Pretraining}|{data.WindowLength}|{windows}|{build}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
