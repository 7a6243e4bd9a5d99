# AcsTeamsAdmin.psm1: the module's root. Its only job is to bring in the compiled cmdlets.
#
# The cmdlets, the engine and their dependencies (Azure.Core, Azure.Identity, MSAL, Microsoft.Graph,
# Kiota, System.Text.Json, ...) are loaded into the module's own AssemblyLoadContext, so the versions
# other modules bring (Az.Accounts, Microsoft.Graph, ExchangeOnlineManagement) cannot clash with ours.
# Only the small loader assembly lives in PowerShell's default context. Nothing else happens at
# import: no sign-in, no network, and the Azure and Graph libraries load when a cmdlet first needs them.

Set-StrictMode -Version 3.0

$binFolder = [System.IO.Path]::Combine($PSScriptRoot, 'bin')
$loaderPath = [System.IO.Path]::Combine($binFolder, 'AcsTeamsAdmin.Loader.dll')
$loaderTypeName = 'AcsTeamsAdmin.Loader.ModuleLoader'

# The loader is loaded once per process. A re-import (Import-Module -Force, or after Remove-Module)
# and an import in another runspace find it already there and reuse it and its load context.
$loaderType = $loaderTypeName -as [type]
$isReimport = $null -ne $loaderType
if (-not $isReimport) {
    # Assembly.LoadFrom, which is what Add-Type -LiteralPath calls for a dll: Add-Type itself would first load the
    # Microsoft.PowerShell.Utility module and its compiler plumbing, about 170 ms of every import for one dll.
    $loaderType = [System.Reflection.Assembly]::LoadFrom($loaderPath).GetType($loaderTypeName, $true)
}
else {
    # A process can hold one version of a binary module. If another version of AcsTeamsAdmin was
    # imported earlier, its cmdlets are what Initialize would return: say so instead of mixing them.
    $loadedVersion = $loaderType.Assembly.GetName().Version
    $thisVersion = [System.Reflection.AssemblyName]::GetAssemblyName($loaderPath).Version
    if ($loadedVersion -ne $thisVersion) {
        $message = "AcsTeamsAdmin $loadedVersion is already loaded in this process from '$($loaderType.Assembly.Location)'. " +
            "PowerShell cannot load a second version of a binary module; start a new PowerShell session to import version $thisVersion from '$PSScriptRoot'."
        $exception = [System.InvalidOperationException]::new($message)
        $errorRecord = [System.Management.Automation.ErrorRecord]::new(
            $exception, 'AcsTeamsAdminOtherVersionLoaded', [System.Management.Automation.ErrorCategory]::ResourceExists, $PSScriptRoot)
        throw $errorRecord
    }
}

$cmdletAssembly = $loaderType::Initialize()

# The real Import-Module, whatever proxy a profile may have defined: the module-qualified name finds only the cmdlet.
# (Get-Command -Module Microsoft.PowerShell.Core finds the same for about 15 ms more per import.)
$assemblyModule = Microsoft.PowerShell.Core\Import-Module -Assembly $cmdletAssembly -PassThru -ErrorAction Stop

# PowerShell bug (https://github.com/PowerShell/PowerShell/issues/20710): when the cmdlet assembly
# was imported before in this process (Import-Module -Force, Remove-Module then Import-Module),
# Import-Module -Assembly reuses its cached module and does not hand the cmdlets to this module, which
# then exports none. On such a re-import, hand them over here, as the model modules do; the first
# import in a process takes PowerShell's normal path and needs nothing. Names this module already
# exports are skipped, so a cmdlet is never listed twice.
if ($isReimport) {
    $thisModule = $ExecutionContext.SessionState.Module
    $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod(
        'AddExportedCmdlet',
        [System.Reflection.BindingFlags]'Instance, NonPublic')
    $alreadyExported = $thisModule.ExportedCmdlets
    foreach ($cmdlet in $assemblyModule.ExportedCmdlets.Values) {
        if (-not $alreadyExported.ContainsKey($cmdlet.Name)) {
            $null = $addExportedCmdlet.Invoke($thisModule, @(, $cmdlet))
        }
    }
}
