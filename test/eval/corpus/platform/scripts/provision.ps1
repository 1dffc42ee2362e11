# Provisions the Windows build agent and registers it with Azure DevOps.
param(
    [string]$Organization = "https://dev.azure.com/acme",
    [string]$Pool = "windows-builders"
)

$ErrorActionPreference = "Stop"
$agentDir = "C:\agent"
$agentZip = "$env:TEMP\agent.zip"

Write-Host "Downloading agent..."
Invoke-WebRequest -Uri "https://vstsagentpackage.azureedge.net/agent/3.241.0/vsts-agent-win-x64-3.241.0.zip" -OutFile $agentZip
$expected = "6F0F3B6C0F7E3D2C1B0A9F8E7D6C5B4A3F2E1D0C9B8A7F6E5D4C3B2A1F0E9D8C"
if ((Get-FileHash $agentZip -Algorithm SHA256).Hash -ne $expected) { throw "checksum mismatch" }
Expand-Archive -Path $agentZip -DestinationPath $agentDir -Force

$azureDevOpsPat = "{{fake:azure-devops-pat}}"{{expect:azure-devops-pat}}
& "$agentDir\config.cmd" --unattended --url $Organization --auth pat --token $azureDevOpsPat --pool $Pool --runAsService

$svcPassword = ConvertTo-SecureString "{{rand:18:pw}}" -AsPlainText -Force{{expect:generic-password}}
$credential = New-Object System.Management.Automation.PSCredential ("BUILD\svc-agent", $svcPassword)
New-Service -Name "BuildCache" -BinaryPathName "C:\tools\cache.exe" -Credential $credential

$promptedPassword = Read-Host -AsSecureString "Enter your password"
Write-Host "Agent registered in pool $Pool"
