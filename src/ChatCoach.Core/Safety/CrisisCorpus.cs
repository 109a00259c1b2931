namespace ChatCoach.Core.Safety;

/// <summary>
/// The messages a script's crisis patterns are measured on: a folder with one sub-folder per part (<c>tuning</c>,
/// <c>heldout</c>), each holding <c>crisis.txt</c>, <c>concern.txt</c>, <c>distress.txt</c> and <c>none.txt</c>,
/// one message a line (blank lines and lines starting with <c>#</c> are skipped).
/// </summary>
public sealed record CrisisCorpus(IReadOnlyList<CorpusPart> Parts)
{
    private static readonly (SafetyLevel Label, string File)[] Files =
        [(SafetyLevel.Crisis, "crisis.txt"), (SafetyLevel.Concern, "concern.txt"), (SafetyLevel.Distress, "distress.txt"), (SafetyLevel.None, "none.txt")];

    /// <summary>Reads every part of <paramref name="folder"/>, in name order; null when the folder does not exist.</summary>
    public static async Task<CrisisCorpus?> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var parts = new List<CorpusPart>();
        foreach (var part in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var messages = new List<(string, SafetyLevel)>();
            foreach (var (label, file) in Files)
            {
                var path = Path.Combine(part, file);
                if (File.Exists(path))
                {
                    var lines = await File.ReadAllLinesAsync(path, cancellationToken);
                    messages.AddRange(lines.Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(l => (l, label)));
                }
            }

            parts.Add(new CorpusPart(Path.GetFileName(part), messages));
        }

        return new CrisisCorpus(parts);
    }

    /// <summary>The figures of every part under <paramref name="classifier"/>.</summary>
    public IReadOnlyList<CorpusFigures> Measure(SafetyClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return Parts.Select(p => CorpusFigures.Of(p, classifier)).ToList();
    }
}

/// <summary>One part of a corpus: its name and its labelled messages.</summary>
public sealed record CorpusPart(string Name, IReadOnlyList<(string Text, SafetyLevel Label)> Messages);
