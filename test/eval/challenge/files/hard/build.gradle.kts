publishing {
    repositories {
        maven {
            url = uri("https://maven.acme-corp.io/releases")
            credentials {
                username = "deploy"
                password = "{{rand:20:pw}}"{{expect:generic-password}}
            }
        }
    }
}
