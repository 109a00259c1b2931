using ChatCoach.Core.Answers;

namespace ChatCoach.Core.Scripts;

/// <summary>A structured test over the stored answers, written in YAML (no expression language to parse).</summary>
public abstract record Condition
{
    /// <summary>Whether the condition holds for these facts. A comparison on a missing answer is false.</summary>
    public abstract bool Evaluate(Facts facts);

    /// <summary>The answer comparisons inside, for validation.</summary>
    public abstract IEnumerable<Comparison> Comparisons();
}

/// <summary>Always holds (<c>when: always</c>), for advice every plan ends with.</summary>
public sealed record Always : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(Facts facts) => true;

    /// <inheritdoc />
    public override IEnumerable<Comparison> Comparisons() => [];

    /// <inheritdoc />
    public override string ToString() => "always";
}

/// <summary>Holds when every part holds (a mapping with several keys, or <c>all:</c>).</summary>
public sealed record AllOf(IReadOnlyList<Condition> Parts) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(Facts facts)
    {
        foreach (var part in Parts)
        {
            if (!part.Evaluate(facts))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override IEnumerable<Comparison> Comparisons() => Parts.SelectMany(p => p.Comparisons());

    /// <inheritdoc />
    public override string ToString() => string.Join(" and ", Parts.Select(p => p is AnyOf ? $"({p})" : p.ToString()));
}

/// <summary>Holds when at least one part holds (<c>any:</c>).</summary>
public sealed record AnyOf(IReadOnlyList<Condition> Parts) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(Facts facts)
    {
        foreach (var part in Parts)
        {
            if (part.Evaluate(facts))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override IEnumerable<Comparison> Comparisons() => Parts.SelectMany(p => p.Comparisons());

    /// <inheritdoc />
    public override string ToString() => string.Join(" or ", Parts.Select(p => p is AllOf ? $"({p})" : p.ToString()));
}

/// <summary>Holds when its part does not (<c>not:</c>).</summary>
public sealed record NotOf(Condition Part) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(Facts facts) => !Part.Evaluate(facts);

    /// <inheritdoc />
    public override IEnumerable<Comparison> Comparisons() => Part.Comparisons();

    /// <inheritdoc />
    public override string ToString() => $"not ({Part})";
}

/// <summary>Compares one answer (or derived value) with a constant.</summary>
public sealed record Comparison(string Name, ComparisonOperator Operator, IReadOnlyList<AnswerValue> Values, SourcePosition Position) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var known = facts.TryGet(Name, out var actual);
        if (Operator == ComparisonOperator.Answered)
        {
            return known == Values[0].Boolean;
        }

        if (!known)
        {
            return false;
        }

        return Operator switch
        {
            ComparisonOperator.Eq => Same(actual, Values[0]),
            ComparisonOperator.Ne => !Same(actual, Values[0]),
            ComparisonOperator.In => Values.Any(v => Same(actual, v)),
            _ => actual.Type == AnswerValueType.Number && Bound(facts) is { } bound && Operator switch
            {
                ComparisonOperator.Gt => actual.Number > bound,
                ComparisonOperator.Gte => actual.Number >= bound,
                ComparisonOperator.Lt => actual.Number < bound,
                _ => actual.Number <= bound,
            },
        };
    }

    /// <summary>The number an ordering compares with: the constant, or a season value such as <c>season.next_match</c>.</summary>
    private long? Bound(Facts facts) =>
        Values[0].Type == AnswerValueType.Number ? Values[0].Number
        : facts.TryGet(Values[0].Text!, out var value) && value.Type == AnswerValueType.Number ? value.Number
        : null;

    /// <inheritdoc />
    public override IEnumerable<Comparison> Comparisons() => [this];

    /// <inheritdoc />
    public override string ToString() => Operator switch
    {
        ComparisonOperator.Answered => Values[0].Boolean ? $"{Name} answered" : $"{Name} not answered",
        ComparisonOperator.In => $"{Name} in [{string.Join(", ", Values)}]",
        _ => $"{Name} {Symbol(Operator)} {Values[0]}",
    };

    private static bool Same(AnswerValue actual, AnswerValue expected) =>
        actual.Type == expected.Type && actual.Type switch
        {
            AnswerValueType.Text => string.Equals(actual.Text, expected.Text, StringComparison.OrdinalIgnoreCase),
            _ => actual.Number == expected.Number,
        };

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => "=",
        ComparisonOperator.Ne => "≠",
        ComparisonOperator.Gt => ">",
        ComparisonOperator.Gte => "≥",
        ComparisonOperator.Lt => "<",
        ComparisonOperator.Lte => "≤",
        _ => op.ToString(),
    };
}

/// <summary>The comparison operators a condition may use.</summary>
public enum ComparisonOperator
{
    /// <summary>Equal (<c>eq</c>, or a plain value).</summary>
    Eq,

    /// <summary>Not equal (<c>ne</c>).</summary>
    Ne,

    /// <summary>Greater than (<c>gt</c>).</summary>
    Gt,

    /// <summary>Greater than or equal (<c>gte</c>).</summary>
    Gte,

    /// <summary>Less than (<c>lt</c>).</summary>
    Lt,

    /// <summary>Less than or equal (<c>lte</c>).</summary>
    Lte,

    /// <summary>Equal to one of a list (<c>in</c>).</summary>
    In,

    /// <summary>Whether the answer was given at all (<c>answered: true|false</c>).</summary>
    Answered,
}
