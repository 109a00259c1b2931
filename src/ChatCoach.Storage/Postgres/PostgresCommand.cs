using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace ChatCoach.Storage.Postgres;

/// <summary>
/// Statements written with named parameters (<c>@user</c>), turned once into PostgreSQL's positional ones (<c>$1</c>)
/// so that Npgsql sends them as they are, without rewriting the text on every execution.
/// </summary>
internal sealed partial class PostgresCommand
{
    private readonly (string Name, NpgsqlDbType Type)[] _parameters;

    public PostgresCommand(string sql, params (string Name, NpgsqlDbType Type)[] parameters)
    {
        _parameters = parameters;
        var names = parameters.Select(p => p.Name).ToList();
        Text = ParameterName().Replace(sql, match =>
        {
            var index = names.IndexOf(match.Value);
            return index < 0 ? throw new ArgumentException($"{match.Value} is not among the parameters of: {sql}", nameof(sql)) : $"${index + 1}";
        });
    }

    /// <summary>The SQL with positional parameters.</summary>
    public string Text { get; }

    /// <summary>A command for a batch, its parameters in order with <paramref name="values"/> (the rest null, to be set).</summary>
    public NpgsqlBatchCommand ForBatch(params object?[] values)
    {
        var command = new NpgsqlBatchCommand(Text);
        Bind(command.Parameters, values);
        return command;
    }

    /// <summary>A command on <paramref name="connection"/> with its parameters declared, to be bound and run many times.</summary>
    public NpgsqlCommand On(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Text, connection);
        Bind(command.Parameters, []);
        return command;
    }

    private void Bind(NpgsqlParameterCollection target, object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            target.Add(new NpgsqlParameter { NpgsqlDbType = _parameters[i].Type, Value = (i < values.Length ? values[i] : null) ?? DBNull.Value });
        }
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();
}
