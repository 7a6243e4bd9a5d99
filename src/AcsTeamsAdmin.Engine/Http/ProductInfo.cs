using System.Net.Http.Headers;
using System.Reflection;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// Who is calling, in every request's User-Agent: the module and its version, then the front end and its version
/// (PowerShell/7.6.10, or acsteams), as PSResourceGet does. A service's logs, and Microsoft support reading them, can
/// then tell this module's requests (and which build sent them) from others'.
/// </summary>
public static class ProductInfo
{
    private static ProductInfoHeaderValue? _frontEnd;

    /// <summary>The module's version (Directory.Build.props' ModuleVersion, the one source of the version).</summary>
    public static string Version { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The module's product token, e.g. AcsTeamsAdmin/0.1.0.</summary>
    public static ProductInfoHeaderValue Module { get; } = new("AcsTeamsAdmin", Version);

    /// <summary>The front end's product token, once it said which it is.</summary>
    public static ProductInfoHeaderValue? FrontEnd => _frontEnd;

    /// <summary>Said once by the front end (the module on its first cmdlet, acsteams at start); later calls change nothing.</summary>
    public static void SetFrontEnd(string product, string version) =>
        Interlocked.CompareExchange(ref _frontEnd, new ProductInfoHeaderValue(product, version), null);

    /// <summary>The User-Agent text: "AcsTeamsAdmin/0.1.0 PowerShell/7.6.10".</summary>
    public static string UserAgent => FrontEnd is { } frontEnd ? $"{Module} {frontEnd}" : Module.ToString();

    /// <summary>For Graph's HttpClient pipeline: puts the product tokens first in each request's User-Agent.</summary>
    internal sealed class Handler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var given = request.Headers.UserAgent.ToArray();
            request.Headers.UserAgent.Clear();
            request.Headers.UserAgent.Add(Module);
            if (FrontEnd is { } frontEnd)
            {
                request.Headers.UserAgent.Add(frontEnd);
            }

            foreach (var value in given.Where(value => value.Product?.Name is not ("AcsTeamsAdmin" or "PowerShell" or "acsteams")))
            {
                request.Headers.UserAgent.Add(value);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>For Azure.Core pipelines (the ACS client, Azure.Identity's token requests): the same, before Azure's own tokens.</summary>
    internal sealed class Policy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            var given = message.Request.Headers.TryGetValue(HttpHeader.Names.UserAgent, out var value) ? value : null;
            message.Request.Headers.SetValue(HttpHeader.Names.UserAgent, given is null ? UserAgent : $"{UserAgent} {given}");
        }
    }
}
