local password = "{{rand:16:pw}}"{{expect:generic-password}}
local config = { secret = "{{rand:40}}" }{{expect:generic-secret}}
