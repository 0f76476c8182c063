namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// The shipped protein-family data set: 181 real domain and globin sequences from Debian's hmmer-doc
/// tutorial files (Pfam seed alignments of the protein kinase and fibronectin type III domains, and 45 globins),
/// without alignment gaps, split into train and validation by protein (data/protein/README.md).
/// </summary>
public sealed class ProteinDataSet
{
    public const string ResourceName = "LrNotebooks.Tasks.Protein.protein-families.tsv";
    private static readonly Lazy<ProteinDataSet> Shipped = new(() => Parse(ReadResource()));

    public IReadOnlyList<ProteinRecord> Records { get; }
    /// <summary>Family labels in sorted order; a window's class index is its position here.</summary>
    public IReadOnlyList<string> Families => _families;
    private readonly string[] _families;

    private ProteinDataSet(IReadOnlyList<ProteinRecord> records)
    {
        Records = records;
        _families = records.Select(r => r.Family).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The data set embedded in this assembly (parsed once).</summary>
    public static ProteinDataSet Load() => Shipped.Value;

    /// <summary>Parses the TSV format: header "id family split sequence", one record a line.</summary>
    public static ProteinDataSet Parse(string tsv)
    {
        var lines = tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != "id\tfamily\tsplit\tsequence")
            throw new FormatException("Expected the header 'id<TAB>family<TAB>split<TAB>sequence'.");
        return new ProteinDataSet(lines.Skip(1).Select(ParseRecord).ToArray());
    }

    public IEnumerable<ProteinRecord> RecordsOf(ProteinSplit split) => Records.Where(r => r.Split == split);

    /// <summary>
    /// Windows of <paramref name="length"/> residues every <paramref name="stride"/> residues along each
    /// sequence of the split, plus one window ending at the sequence's end so its tail is covered;
    /// a sequence shorter than the length gives one (shorter) window.
    /// </summary>
    public IReadOnlyList<ProteinWindow> Windows(ProteinSplit split, int length, int stride)
    {
        if (length < 1)
            throw new ArgumentException($"The window length must be at least 1, not {length}.", nameof(length));
        if (stride < 1)
            throw new ArgumentException($"The stride must be at least 1, not {stride}.", nameof(stride));
        return RecordsOf(split).SelectMany(r => WindowsOf(r, length, stride)).ToArray();
    }

    private IEnumerable<ProteinWindow> WindowsOf(ProteinRecord record, int length, int stride)
    {
        var family = FamilyIndex(record.Family);
        var lastStart = Math.Max(0, record.Sequence.Length - length);
        var starts = Enumerable.Range(0, lastStart / stride + 1).Select(i => i * stride).ToList();
        if (starts[^1] != lastStart)
            starts.Add(lastStart);
        return starts.Select(s => new ProteinWindow(
            record.Id, family, s, record.Sequence.Substring(s, Math.Min(length, record.Sequence.Length - s))));
    }

    public int FamilyIndex(string family)
    {
        var index = Array.IndexOf(_families, family);
        return index >= 0 ? index : throw new ArgumentException($"Unknown family '{family}'; the families are {string.Join(", ", Families)}.", nameof(family));
    }

    private static ProteinRecord ParseRecord(string line, int index)
    {
        var fields = line.TrimEnd('\r').Split('\t');
        if (fields.Length != 4 || !Enum.TryParse<ProteinSplit>(fields[2], ignoreCase: true, out var split))
            throw new FormatException($"Line {index + 2}: expected 4 tab-separated fields with split 'train' or 'validation'.");
        return new ProteinRecord(fields[0], fields[1], split, fields[3]);
    }

    private static string ReadResource()
    {
        using var stream = typeof(ProteinDataSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(ProteinDataSet).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
