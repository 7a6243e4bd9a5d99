// TEMPORARY compile stub of the sandbox API being built on the `sandbox` branch; removed at merge.
#pragma warning disable
namespace AcsTeamsAdmin.Sandbox;
public sealed class SandboxService : System.IDisposable
{
    public static System.Uri InProcessBaseAddress => new("https://sandbox.acsteams.invalid/");
    public SandboxDescription Describe(System.Uri baseAddress) => throw new System.NotImplementedException();
    public System.Net.Http.HttpMessageHandler CreateHandler() => throw new System.NotImplementedException();
    public static SandboxService LoadState(string path) => throw new System.NotImplementedException();
    public void SaveState(string path) => throw new System.NotImplementedException();
    public void Dispose() { }
}
public sealed class LoopbackSandboxHost : System.IAsyncDisposable
{
    public static System.Threading.Tasks.Task<LoopbackSandboxHost> StartAsync(SandboxService service, int port = 0, System.Threading.CancellationToken ct = default) => throw new System.NotImplementedException();
    public System.Uri BaseAddress => throw new System.NotImplementedException();
    public SandboxDescription Description => throw new System.NotImplementedException();
    public System.Threading.Tasks.ValueTask DisposeAsync() => default;
}
public sealed record SandboxDescription(string AuthorityHost, string GraphEndpoint, string AcsEndpoint, string AcsConnectionString, string TenantId, string AdminClientId, string AdminClientSecret);
