using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// The built-in sandbox as a -Sandbox session uses it: an HTTP handler that answers in process, the description of
/// its seeded tenants, and saving its state. The emulator (AcsTeamsAdmin.Sandbox) shares nothing with the engine on
/// purpose (an emulator that shared the engine's constants would agree with its mistakes), and the engine does not
/// reference it either: it is loaded by name, into the engine's own load context, for a -Sandbox session only, and
/// reached through these few members, all BCL types or JSON. Every other sign-in never loads it.
/// </summary>
public sealed class InProcessSandbox : IDisposable
{
    /// <summary>The emulator's assembly, shipped in bin/ and loaded by this name only.</summary>
    public const string AssemblyName = "AcsTeamsAdmin.Sandbox";
    private const string ServiceTypeName = "AcsTeamsAdmin.Sandbox.SandboxService";

    private readonly Type _type;

    private InProcessSandbox(object service)
    {
        Service = service;
        _type = service.GetType();
        BaseAddress = (Uri)_type.GetProperty("InProcessBaseAddress", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    /// <summary>The emulator itself (an AcsTeamsAdmin.Sandbox.SandboxService), for code that references it: tests, acsteams.</summary>
    public object Service { get; }

    /// <summary>The address the in-process sandbox answers for (https://sandbox.acsteams.invalid/): never on the network.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A fresh sandbox, or one continued from a state file it saved.</summary>
    internal static InProcessSandbox Start(string? statePath)
    {
        var type = LoadServiceType();
        var service = Unwrapped(() => statePath is null
            ? Activator.CreateInstance(type, [null, null])
            : type.GetMethod("LoadState", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [statePath, null]));
        return new InProcessSandbox(service!);
    }

    /// <summary>A session's sandbox built by the caller (tests, the CLI): the same object the emulator's own API returns.</summary>
    public static InProcessSandbox Wrap(object service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.GetType().FullName == ServiceTypeName
            ? new InProcessSandbox(service)
            : throw new ArgumentException($"Not a {ServiceTypeName}.", nameof(service));
    }

    public HttpMessageHandler CreateHandler() => (HttpMessageHandler)Invoke("CreateHandler")!;

    /// <summary>The seeded tenants and where the sandbox's Entra ID, Graph and ACS answer, for <see cref="BaseAddress"/>.</summary>
    public InProcessSandboxDescription Describe()
    {
        // The emulator's description, re-read as the engine's own record: only the names of the properties are shared.
        var description = Invoke("Describe", BaseAddress)!;
        return JsonSerializer.Deserialize<InProcessSandboxDescription>(JsonSerializer.Serialize(description, description.GetType()))!;
    }

    public void SaveState(string path) => Invoke("SaveState", path);

    public void Dispose() => ((IDisposable)Service).Dispose();

    private object? Invoke(string method, params object[] arguments) =>
        Unwrapped(() => _type.GetMethod(method, [.. arguments.Select(argument => argument.GetType())])!.Invoke(Service, arguments));

    // What the emulator threw (a state file that is not JSON, a path that cannot be written), not reflection's wrapper.
    private static object? Unwrapped(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error.InnerException);
            throw;
        }
    }

    private static Type LoadServiceType()
    {
        // The module's assemblies live in their own load context: load the sandbox beside the engine, not into the default one.
        var context = AssemblyLoadContext.GetLoadContext(typeof(InProcessSandbox).Assembly) ?? AssemblyLoadContext.Default;
        var assembly = context.LoadFromAssemblyName(new AssemblyName(AssemblyName));
        return assembly.GetType(ServiceTypeName, throwOnError: true)!;
    }
}

/// <summary>What the engine needs of the sandbox's description: where to sign in and call, and the seeded tenants.</summary>
public sealed record InProcessSandboxDescription(Uri AuthorityHost, Uri GraphEndpoint, Uri AcsEndpoint, string TenantId)
{
    public IReadOnlyList<InProcessSandboxTenant> Tenants { get; init; } = [];

    /// <summary>Where the sandbox serves Azure Resource Manager (its base address); null from an older emulator.</summary>
    public Uri? ResourceManagerEndpoint { get; init; }
}

/// <summary>A seeded tenant and the admin app a session signs in as.</summary>
public sealed record InProcessSandboxTenant(string Id, string DisplayName, string Domain, string? AdminClientId, string? AdminClientSecret);
