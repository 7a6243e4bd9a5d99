using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>
/// The query options the module uses: $filter (eq on listed properties, 'in' on those that Graph lets use it, and
/// startswith(displayName,'text'), joined by 'and'), $select, $top with $skiptoken paging, and $count (which, as on Graph's directory objects,
/// needs ConsistencyLevel: eventual).
/// </summary>
internal sealed class ODataQuery
{
    private ODataQuery(IReadOnlyDictionary<string, string> raw) => Raw = raw;

    public IReadOnlyDictionary<string, string> Raw { get; }

    /// <summary>Graph's default limit on the values of one 'in' (its OR child clauses) without advanced query parameters.</summary>
    public const int MaxInValues = 15;

    /// <summary>Each clause matches when the property equals any of its values (one for eq, up to 15 for in).</summary>
    public List<(string Property, IReadOnlyList<string> Values)> Filters { get; } = [];

    /// <summary>startswith(property,'text') clauses: case-insensitive, as Graph compares directory strings.</summary>
    public List<(string Property, string Prefix)> Prefixes { get; } = [];

    public List<string>? Select { get; private set; }

    public int? Top { get; private set; }

    public int Skip { get; private set; }

    public bool Count { get; private set; }

    /// <summary>
    /// Reads the query options; <paramref name="inFilterable"/> lists the properties that also take 'in' (Graph
    /// documents it per property: appId on applications and servicePrincipals does; oAuth2PermissionGrant's
    /// properties take eq only).
    /// </summary>
    public static ODataQuery Parse(
        SandboxRequest request,
        string resourceName,
        IReadOnlyCollection<string> filterable,
        JsonObject template,
        IReadOnlyCollection<string>? inFilterable = null)
    {
        var query = new ODataQuery(request.Query);
        foreach (var (name, value) in request.Query)
        {
            switch (name.TrimStart('$').ToUpperInvariant())
            {
                case "FILTER":
                    query.ParseFilter(value, resourceName, filterable, inFilterable ?? []);
                    break;
                case "SELECT":
                    query.Select = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    var unknown = query.Select.FirstOrDefault(p => !template.ContainsKey(p));
                    if (unknown is not null)
                    {
                        throw new GraphException(
                            400,
                            "Request_BadRequest",
                            $"Could not find a property named '{unknown}' on type 'microsoft.graph.{resourceName}'.");
                    }

                    break;
                case "TOP":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var top) || top is < 1 or > 999)
                    {
                        throw GraphErrors.BadRequest($"Invalid page size specified: '{value}'. Must be between 1 and 999 inclusive.");
                    }

                    query.Top = top;
                    break;
                case "SKIPTOKEN":
                    query.Skip = DecodeSkipToken(value);
                    break;
                case "COUNT":
                    query.Count = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
                    if (query.Count && !string.Equals(request.Header("ConsistencyLevel"), "eventual", StringComparison.OrdinalIgnoreCase))
                    {
                        throw GraphErrors.BadRequest("$count is not currently supported.");
                    }

                    break;
                default:
                    if (name.StartsWith('$'))
                    {
                        throw GraphErrors.UnsupportedQuery();
                    }

                    break;
            }
        }

        return query;
    }

    public IEnumerable<JsonObject> Apply(IEnumerable<JsonObject> items) =>
        items.Where(item => Filters.All(f => f.Values.Any(value => Matches(item[f.Property], value)))
            && Prefixes.All(p => StartsWith(item[p.Property], p.Prefix)));

    /// <summary>The object as $select asks for it (a copy either way).</summary>
    public JsonObject Project(JsonObject item)
    {
        if (Select is null)
        {
            return (JsonObject)item.DeepClone();
        }

        var projected = new JsonObject();
        foreach (var property in Select)
        {
            projected[property] = item[property]?.DeepClone();
        }

        return projected;
    }

    /// <summary>Renders one page as Graph does, with @odata.nextLink when more remain.</summary>
    public JsonObject Page(IReadOnlyList<JsonObject> all, SandboxRequest request, string graphBase, string entitySet, int defaultPageSize)
    {
        var size = Top ?? defaultPageSize;
        var page = all.Skip(Skip).Take(size).Select(Project).Select(o => (JsonNode)o).ToArray();
        var context = $"{graphBase}/$metadata#{entitySet}" + (Select is null ? "" : $"({string.Join(',', Select)})");
        var body = new JsonObject { ["@odata.context"] = context };
        if (Count)
        {
            body["@odata.count"] = all.Count;
        }

        if (Skip + size < all.Count)
        {
            var next = Raw.Where(kv => !string.Equals(kv.Key, "$skiptoken", StringComparison.OrdinalIgnoreCase))
                .Append(new KeyValuePair<string, string>("$skiptoken", EncodeSkipToken(Skip + size)));
            body["@odata.nextLink"] =
                $"{graphBase}{request.Uri.AbsolutePath[(request.Uri.AbsolutePath.IndexOf("/v1.0", StringComparison.Ordinal) + 5)..]}" +
                $"?{FormEncoding.Build(next)}";
        }

        body["value"] = new JsonArray(page);
        return body;
    }

    private void ParseFilter(string filter, string resourceName, IReadOnlyCollection<string> filterable, IReadOnlyCollection<string> inFilterable)
    {
        foreach (var clause in SplitAnd(filter))
        {
            if (TryParseStartsWith(clause.Trim(), resourceName, filterable))
            {
                continue;
            }

            var parts = clause.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                throw GraphErrors.UnsupportedQuery();
            }

            var property = parts[0];
            var supported = parts[1].ToUpperInvariant() switch
            {
                "EQ" => filterable.Contains(property, StringComparer.Ordinal),
                "IN" => inFilterable.Contains(property, StringComparer.Ordinal),
                _ => false,
            };
            if (!supported)
            {
                throw GraphErrors.UnsupportedFilter(property.Split('(')[0], resourceName);
            }

            Filters.Add((property, string.Equals(parts[1], "in", StringComparison.OrdinalIgnoreCase) ? InValues(parts[2].Trim()) : [Literal(parts[2].Trim())]));
        }
    }

    private bool TryParseStartsWith(string clause, string resourceName, IReadOnlyCollection<string> filterable)
    {
        const string Function = "startswith(";
        if (!clause.StartsWith(Function, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var comma = clause.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !clause.EndsWith(')'))
        {
            throw GraphErrors.UnsupportedQuery();
        }

        // Graph's startswith works on displayName of applications and service principals; the module needs no other.
        var property = clause[Function.Length..comma].Trim();
        if (property != "displayName" || !filterable.Contains(property, StringComparer.Ordinal))
        {
            throw GraphErrors.UnsupportedFilter(property, resourceName);
        }

        Prefixes.Add((property, Literal(clause[(comma + 1)..^1].Trim())));
        return true;
    }

    private static bool StartsWith(JsonNode? node, string prefix) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>('a', 'b', ...): Graph turns each value into an OR child clause and refuses more than 15.</summary>
    private static List<string> InValues(string list)
    {
        if (list.Length < 2 || list[0] != '(' || list[^1] != ')')
        {
            throw GraphErrors.UnsupportedQuery();
        }

        var values = new List<string>();
        var inner = list[1..^1];
        var index = 0;
        while (index < inner.Length)
        {
            while (index < inner.Length && inner[index] == ' ')
            {
                index++;
            }

            if (index >= inner.Length || inner[index] != '\'')
            {
                throw GraphErrors.UnsupportedQuery();
            }

            // A quoted literal; '' inside it is an escaped quote.
            var value = new StringBuilder();
            index++;
            while (true)
            {
                if (index >= inner.Length)
                {
                    throw GraphErrors.UnsupportedQuery();
                }

                if (inner[index] == '\'')
                {
                    if (index + 1 < inner.Length && inner[index + 1] == '\'')
                    {
                        value.Append('\'');
                        index += 2;
                        continue;
                    }

                    index++;
                    break;
                }

                value.Append(inner[index++]);
            }

            values.Add(value.ToString());
            while (index < inner.Length && inner[index] == ' ')
            {
                index++;
            }

            if (index < inner.Length && inner[index++] != ',')
            {
                throw GraphErrors.UnsupportedQuery();
            }
        }

        if (values.Count == 0)
        {
            throw GraphErrors.UnsupportedQuery();
        }

        if (values.Count > MaxInValues)
        {
            throw new GraphException(400, "Request_UnsupportedQuery",
                "Too many child clauses specified in search filter expression containing 'OR' operators: " +
                $"{values.Count.ToString(CultureInfo.InvariantCulture)}. Max allowed: {MaxInValues.ToString(CultureInfo.InvariantCulture)}.");
        }

        return values;
    }

    private static IEnumerable<string> SplitAnd(string filter)
    {
        // Split on " and " outside quotes.
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < filter.Length; i++)
        {
            if (filter[i] == '\'')
            {
                inQuotes = !inQuotes;
            }

            if (!inQuotes && string.Compare(filter, i, " and ", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
            {
                yield return current.ToString();
                current.Clear();
                i += 4;
                continue;
            }

            current.Append(filter[i]);
        }

        yield return current.ToString();
    }

    private static string Literal(string text) =>
        text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1].Replace("''", "'", StringComparison.Ordinal) : text;

    private static bool Matches(JsonNode? node, string value) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => string.Equals(s, value, StringComparison.OrdinalIgnoreCase),
        JsonValue v when v.TryGetValue<bool>(out var b) => string.Equals(b ? "true" : "false", value, StringComparison.OrdinalIgnoreCase),
        null => string.Equals(value, "null", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static string EncodeSkipToken(int offset) =>
        "RFNwdAIA" + Base64Url.Encode(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeSkipToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.Decode(token.StartsWith("RFNwdAIA", StringComparison.Ordinal) ? token[8..] : token));
            if (text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text[7..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw GraphErrors.BadRequest("Invalid skip token.");
    }
}
