#Requires -Version 7.4

# Helpers shared by build.ps1 and the Pester files that need a PowerShell process of their own.
#
# A child pwsh is started from $PSHOME, the install of the PowerShell that is running, never from this
# process' path: under `dotnet pwsh` (the repo's tool manifest, .config/dotnet-tools.json) that path is
# the dotnet host, not pwsh.

function Get-ChildPwshCommand {
    <#
    .SYNOPSIS
    The command that starts a new pwsh of the running PowerShell's own install: its executable first,
    then any arguments that must come before pwsh's own.

    .DESCRIPTION
    The apphost in $PSHOME (pwsh.exe on Windows, pwsh elsewhere) when there is one; otherwise
    $PSHOME/pwsh.dll run by the dotnet host (this process when it is that host, else dotnet on PATH).
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param()

    $apphost = [System.IO.Path]::Combine($PSHOME, $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
    if (Test-Path -LiteralPath $apphost -PathType Leaf) {
        return , [string[]]@($apphost)
    }

    $assembly = [System.IO.Path]::Combine($PSHOME, 'pwsh.dll')
    if (-not (Test-Path -LiteralPath $assembly -PathType Leaf)) {
        throw "No pwsh to start in $PSHOME (neither $apphost nor $assembly)."
    }

    $host_ = (Get-Process -Id $PID).Path
    if ([System.IO.Path]::GetFileNameWithoutExtension($host_) -ne 'dotnet') {
        $host_ = (Get-Command -Name dotnet -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
    }

    , [string[]]@($host_, $assembly)
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
    Runs a script block in a new pwsh (see Get-ChildPwshCommand) with -NoProfile -NonInteractive and
    the given arguments, and returns its output.

    .DESCRIPTION
    pwsh returns a script block's output to a calling PowerShell as deserialized objects, and its
    other streams as records. $LASTEXITCODE is the child's exit code afterwards.
    #>
    param(
        [Parameter(Mandatory, Position = 0)]
        [scriptblock]$ScriptBlock,

        [object[]]$ArgumentList = @()
    )

    $command = Get-ChildPwshCommand
    $executable = $command[0]
    $prefix = @($command | Select-Object -Skip 1)
    & $executable @prefix -NoProfile -NonInteractive -Command $ScriptBlock -args $ArgumentList
}

Export-ModuleMember -Function 'Get-ChildPwshCommand', 'Invoke-ChildPwsh'
