namespace ChatCoach.Core.Safety;

/// <summary>
/// A pattern with the exceptions written beside it. A match counts unless an exception matches words it overlaps
/// ("killing me" inside "this exam is killing me"), and unless its sentence is about someone else: with no
/// first-person word in the match, the nearest person word before it in the same sentence must not be a
/// third-person one ("my friend said he wants to die"), and words quoted from someone else are theirs.
/// </summary>
internal sealed class SafetyRule(SafetyLevel level, SafetyPattern pattern, IReadOnlyList<SafetyPattern> exceptions, SafetyVocabulary vocabulary)
{
    // "says I", "says that I", "said that I just": what may stand between the reporting word and the reported words.
    private const int ReportedSpeechReach = 4;

    // "am an IMG", "am a failed IMG": the self-naming word and up to two words between.
    private const int SelfNamingReach = 3;

    public SafetyLevel Level { get; } = level;

    public SafetyPattern Pattern { get; } = pattern;

    public IReadOnlyList<SafetyPattern> Exceptions { get; } = exceptions;

    public bool Matches(IReadOnlyList<Token> tokens) => Matches(tokens, null);

    /// <summary>
    /// Whether the pattern matches <paramref name="tokens"/>. When it does not, adds to <paramref name="setAside"/>
    /// where its words are there but the script set them aside: an exception covers them (the span then runs over the
    /// exception's words too), or they are someone else's and the speaker does not speak of themselves after them
    /// ("my friend took pills" is set aside; "my cousin killed himself and now I think about it" is not, so the
    /// learned reader still reads it).
    /// </summary>
    public bool Matches(IReadOnlyList<Token> tokens, List<(int Start, int End)>? setAside)
    {
        List<(int Start, int End)>? aside = null;
        foreach (var span in Spans(tokens))
        {
            if (!span.Excepted && AboutTheSpeaker(tokens, span.Start, span.End))
            {
                return true;
            }

            if (setAside is not null && (span.Excepted || SpeakerAfter(tokens, span.End) is not true))
            {
                (aside ??= []).Add((Math.Min(span.Start, span.CoverStart), Math.Max(span.End, span.CoverEnd)));
            }
        }

        setAside?.AddRange(aside ?? []);
        return false;
    }

    /// <summary>Where the pattern matches, and whether an exception covers each match (and from where to where).</summary>
    private IEnumerable<(int Start, int End, bool Excepted, int CoverStart, int CoverEnd)> Spans(IReadOnlyList<Token> tokens)
    {
        List<(int Start, int End)>? excepted = null;
        foreach (var (start, end) in Pattern.Matches(tokens))
        {
            excepted ??= [.. Exceptions.SelectMany(e => e.Matches(tokens)).Where(x => OneClause(tokens, x.Start, x.End))];
            var covering = excepted.Where(x => x.Start < end && start < x.End).ToList();
            yield return covering.Count == 0 ? (start, end, false, start, end)
                : (start, end, true, covering.Min(x => x.Start), covering.Max(x => x.End));
        }
    }

    /// <summary>
    /// An exception guards an idiom, and an idiom does not run over a full stop: "I want to die. My hair..." is not
    /// "die my hair".
    /// </summary>
    private static bool OneClause(IReadOnlyList<Token> tokens, int start, int end) => tokens[start].Clause == tokens[end - 1].Clause;

    private bool AboutTheSpeaker(IReadOnlyList<Token> tokens, int start, int end)
    {
        if (QuotedFromSomeoneElse(tokens, start, end) || ReportedFromSomeoneElse(tokens, start))
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (SomeoneElse(tokens, i) is false)
            {
                return true;
            }
        }

        return SomeoneElseBefore(tokens, start) is not true;
    }

    /// <summary>
    /// Whether the match lies inside one quoted passage that the sentence gives to someone else ("a 24-year-old man
    /// says \"I want to kill myself\""): the nearest person word before the quote is a third-person one. A quote with
    /// no speaker named, or the speaker's own ("I keep telling myself \"...\""), stays theirs. "Me" before a quote is
    /// whom it was said to, not who said it ("my friend texted me \"...\""). With no one named before the quote, the
    /// speaker named after it counts ("\"...\" says the widower").
    /// </summary>
    private bool QuotedFromSomeoneElse(IReadOnlyList<Token> tokens, int start, int end)
    {
        var quote = tokens[start].Quote;
        if (quote == 0 || tokens[end - 1].Quote != quote)
        {
            return false;
        }

        var opening = start;
        while (opening > 0 && tokens[opening - 1].Quote == quote)
        {
            opening--;
        }

        var closing = end;
        while (closing < tokens.Count && tokens[closing].Quote == quote)
        {
            closing++;
        }

        return (SomeoneElseBefore(tokens, opening, skipping: "me") ?? SomeoneElseAfter(tokens, closing)) is true;
    }

    /// <summary>
    /// Whether the match is speech someone else is reported to have said, without quotes ("in the vignette the patient
    /// says I want to kill myself"): a reporting word just before it, and a third-person word the nearest person word
    /// before that. "I told him I want to die" stays the speaker's.
    /// </summary>
    private bool ReportedFromSomeoneElse(IReadOnlyList<Token> tokens, int start)
    {
        for (var i = start - 1; i >= 0 && i >= start - ReportedSpeechReach && tokens[i].Clause == tokens[start].Clause; i--)
        {
            if (vocabulary.Reporting.Contains(tokens[i].Key))
            {
                return SomeoneElseBefore(tokens, i) is true;
            }
        }

        return false;
    }

    /// <summary>
    /// The speaker named just after a quote ("\"I wish I were dead\" says the 70 yo widower"), as
    /// <see cref="SomeoneElseBefore"/>: within a few words, in the sentence that follows the quote.
    /// </summary>
    private bool? SomeoneElseAfter(IReadOnlyList<Token> tokens, int position)
    {
        for (var i = position; i < tokens.Count && i < position + 5 && tokens[i].Clause == tokens[position].Clause; i++)
        {
            if (SomeoneElse(tokens, i) is { } someoneElse)
            {
                return someoneElse;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the nearest person word before <paramref name="position"/>, in its sentence, is a third-person one
    /// (true) or a first-person one (false); null when the sentence names nobody before it. A possessive just after a
    /// preposition names a place or a group, not who acts ("a patient on my rotation who overdosed").
    /// </summary>
    private bool? SomeoneElseBefore(IReadOnlyList<Token> tokens, int position, string? skipping = null)
    {
        for (var i = position - 1; i >= 0 && tokens[i].Clause == tokens[position].Clause; i--)
        {
            if (tokens[i].Key != skipping && SomeoneElse(tokens, i) is { } someoneElse
                && !(vocabulary.Possessives.Contains(tokens[i].Key) && i > 0 && vocabulary.Prepositions.Contains(tokens[i - 1].Key)))
            {
                return someoneElse && !NamesTheSpeaker(tokens, i);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the third-person word at <paramref name="position"/> is what the speaker calls themselves ("I am an
    /// IMG", "I am a failed IMG"): a self-naming word shortly before it, with no preposition, possessive or other
    /// person word between.
    /// </summary>
    private bool NamesTheSpeaker(IReadOnlyList<Token> tokens, int position)
    {
        for (var i = position - 1; i >= 0 && i >= position - SelfNamingReach && tokens[i].Clause == tokens[position].Clause; i--)
        {
            if (vocabulary.SelfNaming.Contains(tokens[i].Key))
            {
                return true;
            }

            if (vocabulary.Prepositions.Contains(tokens[i].Key) || vocabulary.Possessives.Contains(tokens[i].Key)
                || SomeoneElse(tokens, i) is not null)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether the nearest person word after <paramref name="position"/> is a first-person one; null when none follows.</summary>
    private bool? SpeakerAfter(IReadOnlyList<Token> tokens, int position)
    {
        for (var i = position; i < tokens.Count; i++)
        {
            if (SomeoneElse(tokens, i) is { } someoneElse)
            {
                return !someoneElse;
            }
        }

        return null;
    }

    /// <summary>
    /// True for a third-person word or an age ("a 24 yo"), false for a first-person one, null for any other word.
    /// </summary>
    private bool? SomeoneElse(IReadOnlyList<Token> tokens, int position)
    {
        var key = tokens[position].Key;
        if (vocabulary.Ages.Contains(key) && position > 0 && tokens[position - 1].Key.All(char.IsAsciiDigit))
        {
            return true;
        }

        return vocabulary.FirstPerson.Contains(key) ? false : vocabulary.ThirdPerson.Contains(key) ? true : null;
    }
}
