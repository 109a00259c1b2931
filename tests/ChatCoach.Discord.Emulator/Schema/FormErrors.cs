using System.Text.Json.Nodes;

namespace ChatCoach.Discord.Emulator.Schema;

/// <summary>
/// Builds the <c>errors</c> object of a 50035 "Invalid Form Body" answer: it mirrors the request's
/// shape, array indices are string keys, and each leaf is <c>{"_errors":[{code,message}]}</c>
/// (PROTOCOL.md §6.8, fixtures <c>rest_error_50035_*.json</c>).
/// </summary>
internal sealed class FormErrors
{
    private readonly JsonObject _root = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public bool IsEmpty => _seen.Count == 0;

    /// <summary>Adds an error at a JSON pointer (<c>""</c> for the whole request).</summary>
    public void Add(string pointer, string code, string message)
    {
        if (!_seen.Add($"{pointer}|{code}"))
        {
            return;
        }

        var node = _root;
        foreach (var segment in Segments(pointer))
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }

            node = child;
        }

        if (node["_errors"] is not JsonArray list)
        {
            list = [];
            node["_errors"] = list;
        }

        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }

    /// <summary>The whole error body.</summary>
    public JsonObject ToBody() => new()
    {
        ["code"] = 50035,
        ["errors"] = _root.DeepClone(),
        ["message"] = "Invalid Form Body",
    };

    /// <summary>Every pointer with its codes, for violation details.</summary>
    public string Summary() => string.Join("; ", _seen.Select(s => s.Replace('|', ' ')));

    public static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
}
