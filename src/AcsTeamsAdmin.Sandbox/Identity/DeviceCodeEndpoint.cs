using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>POST /{tenant}/oauth2/v2.0/devicecode, and the approval a test (or the auto-approve setting) gives.</summary>
internal static class DeviceCodeEndpoint
{
    private const string VerificationUri = "https://microsoft.com/devicelogin";
    private const string UserCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static SandboxResponse Handle(SandboxData data, SandboxRequest request, string segment, DateTimeOffset now, RequestInfo info)
    {
        var form = FormEncoding.Parse(request.BodyText);
        info.ClientAppId = form.GetValueOrDefault("client_id");
        try
        {
            var named = UserTokenIssuer.IsMultiTenantSegment(segment)
                ? null
                : DirectoryQueries.FindTenant(data, segment) ?? throw EntraErrors.TenantNotFound(segment);
            var defaultTenant = named ?? DirectoryQueries.FindTenant(data, data.DefaultTenantId);
            info.TenantId = named?.Id;
            var client = ClientApp.Find(data, form.GetValueOrDefault("client_id"), defaultTenant ?? new TenantData());
            if (!client.AllowsPublicClientFlows)
            {
                // Entra refuses the device flow to a confidential client ("Allow public client flows" off).
                throw EntraErrors.CredentialRequired();
            }

            var scope = form.GetValueOrDefault("scope") ?? throw EntraErrors.MissingParameter("scope");
            var userCode = new string(RandomNumberGenerator.GetItems<char>(UserCodeAlphabet, 9));
            var pending = new DeviceCodeData
            {
                DeviceCode = "DAQABAAEAAAD--sandbox-" + Base64Url.Encode(RandomNumberGenerator.GetBytes(48)),
                UserCode = userCode,
                ClientId = client.AppId,
                TenantSegment = segment,
                Scope = scope,
                ExpiresOn = now.AddSeconds(data.Settings.DeviceCodeLifetimeSeconds),
            };
            data.DeviceCodes.Add(pending);
            if (defaultTenant?.DeviceCodeAutoApproveUser is { } autoUser)
            {
                Approve(data, userCode, autoUser);
            }

            return SandboxResponse.Json(200, new JsonObject
            {
                ["user_code"] = userCode,
                ["device_code"] = pending.DeviceCode,
                ["verification_uri"] = VerificationUri,
                ["expires_in"] = data.Settings.DeviceCodeLifetimeSeconds,
                ["interval"] = data.Settings.DeviceCodeIntervalSeconds,
                ["message"] = $"To sign in, use a web browser to open the page {VerificationUri} and enter the code {userCode} to authenticate. " +
                    "(Sandbox: nothing to do, the sign-in completes by itself.)",
            });
        }
        catch (EntraException e)
        {
            return e.ToResponse(request, now);
        }
    }

    /// <summary>Marks a pending code approved by a user; false when the code or the user is unknown.</summary>
    public static bool Approve(SandboxData data, string userCode, string userPrincipalName)
    {
        var pending = data.DeviceCodes.FirstOrDefault(d => string.Equals(d.UserCode, userCode, StringComparison.OrdinalIgnoreCase));
        if (pending is null || DirectoryQueries.FindUser(data, userPrincipalName) is not { } found)
        {
            return false;
        }

        pending.ApprovedTenantId = found.Tenant.Id;
        pending.ApprovedUserId = found.User.Id;
        return true;
    }
}
