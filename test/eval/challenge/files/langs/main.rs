const API_TOKEN: &str = "{{rand:40}}";{{expect:generic-secret}}
let password = String::from("{{rand:18:pw}}");{{expect:generic-password}}
let token = std::env::var("API_TOKEN").unwrap();
