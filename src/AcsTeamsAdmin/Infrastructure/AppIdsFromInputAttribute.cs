using System.Management.Automation;
using AcsTeamsAdmin.Engine.Resources;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// What a piped object brings as app ids. An ACS resource (Get-AcsResource's output) names a resource, not an app:
/// it brings none, and its Endpoint binds -AcsEndpoint by name. Without this, PowerShell's by-value binding would
/// turn the resource into a string and report it as a malformed app id. Anything else binds as PowerShell binds it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AppIdsFromInputAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is AcsResource ? Array.Empty<string>() : inputData;
}
