namespace AcsTeamsAdmin.Sandbox.Internal;

/// <summary>RFC 4648 base64url without padding: the alphabet of JWTs, PKCE and Graph's grant ids.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("Not base64url.") };
        return Convert.FromBase64String(s);
    }
}
