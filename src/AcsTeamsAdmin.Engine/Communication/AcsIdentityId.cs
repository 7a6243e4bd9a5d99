using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>An ACS identity id, 8:acs:&lt;resourceId&gt;_&lt;suffix&gt;, checked for shape before any call.</summary>
public readonly record struct AcsIdentityId
{
    private const string Prefix = "8:acs:";

    private AcsIdentityId(string value) => Value = value;

    public string Value { get; }

    public static AcsIdentityId Parse(string? value, string parameterName = "IdentityId")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                value,
                "is empty.",
                "Pass the identity's id, as New-AcsIdentity returned it (8:acs:<resource id>_<guid>).",
                ErrorIds.MissingParameter);
        }

        var rest = trimmed.StartsWith(Prefix, StringComparison.Ordinal) ? trimmed[Prefix.Length..] : "";
        var underscore = rest.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || underscore == rest.Length - 1 || rest.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '%'))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, trimmed, $"'{InputParser.Shorten(trimmed)}' is not an ACS identity id.",
                "Pass an id of the form 8:acs:<resource id>_<guid>, as New-AcsIdentity returned it; " +
                "Teams user ids (8:orgid:...) have no ACS identity to manage.",
                ErrorIds.InvalidIdentityId);
        }

        return new AcsIdentityId(trimmed);
    }

    public override string ToString() => Value ?? "";
}
