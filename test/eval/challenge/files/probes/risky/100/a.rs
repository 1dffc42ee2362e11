let c = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;{{expect:tls-verify-disabled}}
