using System.Reflection;
using System.Runtime.Loader;

namespace AcsTeamsAdmin.IsolationHost;

/// <summary>The outcome of the engine call made through the module's load context.</summary>
internal sealed record EngineCallResult(string Call, bool Succeeded, string? TenantId, string? Error);

/// <summary>
/// Runs real engine work inside the module's load context, through reflection because this host
/// references nothing of the module's. Connecting to the sandbox signs in to the in-process
/// emulator with Azure.Identity and MSAL, then reading the ACS service principal goes through the
/// Graph SDK (a connection builds it on first use), so Azure.Core, Azure.Identity, MSAL and
/// Microsoft.Graph all get loaded and used by the engine.
/// </summary>
internal static class EngineCall
{
    public const string ConnectToSandboxCall = "AcsTeamsAdmin.Engine.Connections.Connector.ConnectAsync(ConnectionRequest.ForSandbox(), OperationContext.Unattended(CancellationToken))"
        + ", then ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, ...)";

    public static async Task<EngineCallResult> ConnectToSandboxAsync(Assembly cmdletAssembly)
    {
        try
        {
            AssemblyLoadContext moduleContext = AssemblyLoadContext.GetLoadContext(cmdletAssembly)!;
            Assembly engine = moduleContext.LoadFromAssemblyName(new AssemblyName("AcsTeamsAdmin.Engine"));

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            object operation = StaticCall(engine, "AcsTeamsAdmin.Engine.Operations.OperationContext", "Unattended", timeout.Token);
            object request = StaticCall(engine, "AcsTeamsAdmin.Engine.Connections.ConnectionRequest", "ForSandbox");
            var connecting = (Task)StaticCall(engine, "AcsTeamsAdmin.Engine.Connections.Connector", "ConnectAsync", request, operation);
            await connecting.ConfigureAwait(false);

            object connection = connecting.GetType().GetProperty("Result")!.GetValue(connecting)!;
            object acs = engine.GetType("AcsTeamsAdmin.Engine.Identifiers.AppId", throwOnError: true)!.GetProperty("AcsFirstParty")!.GetValue(null)!;
            await ((Task)StaticCall(engine, "AcsTeamsAdmin.Engine.ServicePrincipals.ServicePrincipalOperations", "GetAsync", connection, acs, operation)).ConfigureAwait(false);
            object info = connection.GetType().GetProperty("Info")!.GetValue(connection)!;
            var tenantId = (string?)info.GetType().GetProperty("TenantId")!.GetValue(info);
            return new EngineCallResult(ConnectToSandboxCall, !string.IsNullOrEmpty(tenantId), tenantId, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Exception reported = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            return new EngineCallResult(ConnectToSandboxCall, false, null, reported.ToString());
        }
    }

    // Calls a public static method as C# would: the arguments given, then defaults for any optional
    // parameters left (ForSandbox(string? statePath = null) is called as ForSandbox()).
    private static object StaticCall(Assembly assembly, string typeName, string methodName, params object[] arguments)
    {
        Type type = assembly.GetType(typeName, throwOnError: true)!;
        MethodInfo method = type.GetMethods(BindingFlags.Public | BindingFlags.Static).SingleOrDefault(m => m.Name == methodName && Accepts(m.GetParameters(), arguments))
            ?? throw new MissingMethodException(typeName, methodName);
        object?[] filled = method.GetParameters()
            .Select((parameter, i) => i < arguments.Length ? arguments[i] : parameter.DefaultValue)
            .ToArray();
        return method.Invoke(null, filled)!;
    }

    private static bool Accepts(ParameterInfo[] parameters, object[] arguments) =>
        parameters.Length >= arguments.Length
        && arguments.Select((argument, i) => parameters[i].ParameterType.IsInstanceOfType(argument)).All(fits => fits)
        && parameters.Skip(arguments.Length).All(parameter => parameter.IsOptional);
}
