using ChatCoach.Core.Engine;
using ChatCoach.Core.Scripts;

namespace ChatCoach.Core.Safety;

/// <summary>
/// Finds the country a person is in now. When a message names several ("I'm from Nigeria but I live in the US"),
/// the one said to be where they are wins over one said to be where they are from; otherwise the first named.
/// </summary>
internal sealed class CountryFinder(IReadOnlyList<CountryLines> countries)
{
    private static readonly HashSet<string> Here = new(StringComparer.Ordinal) { "in", "live", "living", "based", "at", "now", "currently", "moved", "to" };
    private static readonly HashSet<string> Origin = new(StringComparer.Ordinal) { "from", "born", "originally" };

    private readonly (PhraseMatcher Names, string Reply)[] _countries = countries.Select(c => (new PhraseMatcher(c.Names), c.Reply)).ToArray();

    public string? Find(string text)
    {
        var words = PhraseMatcher.Normalize(text).Split(' ');
        string? best = null;
        var bestScore = int.MinValue;
        var bestAt = int.MaxValue;
        foreach (var (names, reply) in _countries)
        {
            foreach (var at in names.Positions(text))
            {
                var before = words.Skip(Math.Max(0, at - 3)).Take(Math.Min(3, at)).ToList();
                var score = before.Any(Here.Contains) ? 1 : before.Any(Origin.Contains) ? -1 : 0;
                if (score > bestScore || score == bestScore && at < bestAt)
                {
                    (best, bestScore, bestAt) = (reply, score, at);
                }
            }
        }

        return best;
    }
}
