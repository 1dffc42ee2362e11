let password = "{{rand:18:pw}}"{{expect:generic-password}}
let apiKey: String = "{{rand:32}}"{{expect:generic-secret}}
let passwordPlaceholder = NSLocalizedString("Password", comment: "")
