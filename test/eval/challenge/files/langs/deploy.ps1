$password = ConvertTo-SecureString "{{rand:18:pw}}" -AsPlainText -Force{{expect:generic-password}}
$apiKey = "{{rand:32}}"{{expect:generic-secret}}
$token = $env:API_TOKEN
