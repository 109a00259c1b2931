using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Safety;

/// <summary>
/// A reader of risk learned from labelled example messages: two logistic regressions over the hashed features of the
/// normalised message (see <c>RiskFeatures</c>). Its crisis head tells crisis messages from all others; its concern
/// head tells concern messages (hopelessness without stated intent) from distress and ordinary talk. The crisis check
/// asks it only when no crisis pattern matched, and it can only raise a message's level, never lower one, so patterns
/// and exceptions keep the meaning moderators gave them. Training is deterministic: the same examples and script
/// vocabulary give the same weights.
/// </summary>
public sealed class RiskModel
{
    private const int Format = 3;
    private const int Epochs = 16;
    private const double LearningRate = 0.1;
    private const double Decay = 1e-5;
    private const int Seed = 17;

    private readonly Head _crisis;
    private readonly Head _concern;

    private RiskModel(Head crisis, Head concern, string fingerprint, int examples)
    {
        _crisis = crisis;
        _concern = concern;
        Fingerprint = fingerprint;
        Examples = examples;
    }

    /// <summary>The fingerprint of the examples and vocabulary it was trained on (see <see cref="FingerprintOf"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>How many example messages it was trained on.</summary>
    public int Examples { get; }

    /// <summary>
    /// The fingerprint of training on <paramref name="examples"/> with <paramref name="crisis"/>'s rewrites: a model
    /// whose fingerprint differs was trained on other examples or reads words differently, and is out of date.
    /// </summary>
    public static string FingerprintOf(Crisis crisis, CrisisCorpus examples)
    {
        ArgumentNullException.ThrowIfNull(crisis);
        ArgumentNullException.ThrowIfNull(examples);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add($"format {Format}, {RiskFeatures.Bits} bits, {Epochs} epochs, rate {LearningRate}, decay {Decay}, seed {Seed}");
        foreach (var (word, words) in crisis.Rewrites.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Add($"rewrite {word} {words}");
        }

        foreach (var glued in crisis.Glued)
        {
            Add($"glued {glued}");
        }

        foreach (var part in examples.Parts)
        {
            Add($"part {part.Name}");
            foreach (var (text, label) in part.Messages)
            {
                Add($"{label} {text}");
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Learns from <paramref name="examples"/>, read with <paramref name="crisis"/>'s rewrites: the crisis head from
    /// every message, the concern head from the messages that are not crisis.
    /// </summary>
    public static RiskModel Train(Crisis crisis, CrisisCorpus examples)
    {
        ArgumentNullException.ThrowIfNull(crisis);
        ArgumentNullException.ThrowIfNull(examples);
        var normalizer = new TextNormalizer(crisis.Rewrites, crisis.Glued);
        var samples = examples.Parts.SelectMany(p => p.Messages)
            .Select(m => (Features: RiskFeatures.Of(normalizer.Tokens(m.Text)), m.Label))
            .ToArray();

        // A crisis message is a concern too, but its words are the crisis head's to learn: left out here, they do not
        // teach the concern head that any word of intent is merely hopeless.
        var crisisHead = Head.Train([.. samples.Select(s => (s.Features, s.Label == SafetyLevel.Crisis))]);
        var concernHead = Head.Train([.. samples.Where(s => s.Label != SafetyLevel.Crisis).Select(s => (s.Features, s.Label == SafetyLevel.Concern))]);
        return new RiskModel(crisisHead, concernHead, FingerprintOf(crisis, examples), samples.Length);
    }

    /// <summary>The probabilities that the message of <paramref name="tokens"/> is a crisis message, and that it is a concern message.</summary>
    internal (double Crisis, double Concern) Probabilities(List<Token> tokens)
    {
        var features = RiskFeatures.Of(tokens);
        return (_crisis.Probability(features), _concern.Probability(features));
    }

    /// <summary>Writes the model as JSON: its fingerprint and size in the open, each head's weights compressed.</summary>
    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);

        // One newline on every platform, so the same examples give the same file byte for byte.
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteNumber("format", Format);
        json.WriteString("fingerprint", Fingerprint);
        json.WriteNumber("examples", Examples);
        json.WriteNumber("bits", RiskFeatures.Bits);
        await _crisis.WriteAsync(json, "crisis", cancellationToken);
        await _concern.WriteAsync(json, "concern", cancellationToken);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>Reads a model written by <see cref="WriteAsync"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this format.</exception>
    public static async Task<RiskModel> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != Format || root.GetProperty("bits").GetInt32() != RiskFeatures.Bits)
            {
                throw new InvalidDataException($"a model of another format (this build reads format {Format}, {RiskFeatures.Bits} bits)");
            }

            return new RiskModel(
                await Head.ReadAsync(root.GetProperty("crisis"), cancellationToken),
                await Head.ReadAsync(root.GetProperty("concern"), cancellationToken),
                root.GetProperty("fingerprint").GetString() ?? string.Empty,
                root.GetProperty("examples").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or EndOfStreamException)
        {
            throw new InvalidDataException($"not a readable model: {e.Message}", e);
        }
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));

    /// <summary>One logistic regression: a weight per feature slot, stored as half-precision floats, and a bias.</summary>
    private sealed class Head(Half[] weights, float bias)
    {
        public static Head Train(IReadOnlyList<(int[] Features, bool Positive)> samples)
        {
            var weights = new double[1 << RiskFeatures.Bits];
            var bias = 0.0;
            var order = Enumerable.Range(0, samples.Count).ToArray();
            var random = new Random(Seed);
            for (var epoch = 0; epoch < Epochs; epoch++)
            {
                random.Shuffle(order);
                foreach (var index in order)
                {
                    var (features, positive) = samples[index];
                    var gradient = Sigmoid(bias + features.Sum(f => weights[f])) - (positive ? 1 : 0);
                    bias -= LearningRate * gradient;
                    foreach (var f in features)
                    {
                        weights[f] -= LearningRate * (gradient + Decay * weights[f]);
                    }
                }
            }

            return new Head([.. weights.Select(w => (Half)w)], (float)bias);
        }

        public double Probability(int[] features) => Sigmoid(bias + features.Sum(f => (double)weights[f]));

        public async Task WriteAsync(Utf8JsonWriter json, string name, CancellationToken cancellationToken)
        {
            var raw = new byte[weights.Length * 2];
            for (var i = 0; i < weights.Length; i++)
            {
                BitConverter.TryWriteBytes(raw.AsSpan(i * 2), weights[i]);
            }

            using var packed = new MemoryStream();
            await using (var zip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                await zip.WriteAsync(raw, cancellationToken);
            }

            json.WriteStartObject(name);
            json.WriteNumber("bias", bias);
            json.WriteBase64String("weights", packed.ToArray());
            json.WriteEndObject();
        }

        public static async Task<Head> ReadAsync(JsonElement head, CancellationToken cancellationToken)
        {
            using var zip = new GZipStream(new MemoryStream(head.GetProperty("weights").GetBytesFromBase64()), CompressionMode.Decompress);
            var raw = new byte[(1 << RiskFeatures.Bits) * 2];
            await zip.ReadExactlyAsync(raw, cancellationToken);
            var weights = new Half[1 << RiskFeatures.Bits];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = BitConverter.ToHalf(raw, i * 2);
            }

            return new Head(weights, head.GetProperty("bias").GetSingle());
        }
    }
}
