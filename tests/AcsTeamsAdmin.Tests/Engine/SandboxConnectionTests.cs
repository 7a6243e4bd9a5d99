using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

public class SandboxConnectionTests
{
    [Fact]
    public void The_engine_does_not_reference_the_sandbox_it_loads_by_name_for_Sandbox_sessions_only()
    {
        var engine = typeof(Connector).Assembly;

        Assert.DoesNotContain(engine.GetReferencedAssemblies(), reference => reference.Name == InProcessSandbox.AssemblyName);
        Assert.Equal(InProcessSandbox.AssemblyName, typeof(SandboxService).Assembly.GetName().Name);
    }

    [Fact]
    public async Task Connecting_signs_in_through_Azure_Identity_and_makes_no_Graph_call()
    {
        var host = new RecordingHost();
        using var connection = await SandboxConnections.ConnectAsync(host.Context());
        var sandbox = connection.Emulator();
        var description = sandbox.Describe(SandboxService.InProcessBaseAddress);

        Assert.Equal(description.TenantId, connection.Info.TenantId);
        Assert.Equal(SignInMode.Sandbox, connection.Info.SignInMode);
        Assert.True(connection.Info.AppOnly);
        Assert.Contains("Application.ReadWrite.All", connection.Info.Permissions);
        Assert.Equal(description.AdminClientId, connection.Info.ClientId);

        var calls = sandbox.Requests.Calls;
        Assert.Contains(calls, call => call.PathAndQuery.Contains("/oauth2/v2.0/token", StringComparison.Ordinal) && call.Status == 200);
        Assert.DoesNotContain(calls, call => call.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_the_connection_logs_or_shows_contains_the_secret_or_the_token()
    {
        var host = new RecordingHost();
        using var connection = await SandboxConnections.ConnectAsync(host.Context());
        var description = connection.Emulator().Describe(SandboxService.InProcessBaseAddress);
        var token = await connection.Credential.GetTokenAsync(new Azure.Core.TokenRequestContext([GraphScopes.AppOnly("https://graph.microsoft.com")]), default);

        var shown = string.Join('\n', host.Lines) + System.Text.Json.JsonSerializer.Serialize(connection.Info);
        Assert.DoesNotContain(description.AdminClientSecret, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Token, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_client_secret_fails_sign_in_with_Entras_reason()
    {
        using var sandbox = new SandboxService();
        var description = sandbox.Describe(SandboxService.InProcessBaseAddress);

        var error = await Assert.ThrowsAsync<AcsTeamsAdmin.Engine.Failures.AcsTeamsAdminException>(() => Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = description.TenantId,
            ClientId = description.AdminClientId,
            ClientSecret = "wrong-secret-canary",
            AuthorityHost = description.AuthorityHost.AbsoluteUri,
            GraphEndpoint = description.GraphEndpoint.AbsoluteUri,
            Transport = sandbox.CreateHandler(),
        }, AcsTeamsAdmin.Engine.Operations.OperationContext.Unattended()));

        Assert.Equal(AcsTeamsAdmin.Engine.Failures.ErrorIds.SignInFailed, error.ErrorId);
        Assert.Contains("AADSTS7000215", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-canary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_file_that_is_not_sandbox_state_fails_clearly()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "{ not json");
        try
        {
            var error = await Assert.ThrowsAsync<AcsTeamsAdmin.Engine.Failures.AcsTeamsAdminException>(
                () => Connector.ConnectAsync(ConnectionRequest.ForSandbox(path), AcsTeamsAdmin.Engine.Operations.OperationContext.Unattended()));
            Assert.Equal(AcsTeamsAdmin.Engine.Failures.ErrorIds.SandboxStateUnreadable, error.ErrorId);
            Assert.Equal("SandboxStatePath", error.ParameterName);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
