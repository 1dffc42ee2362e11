use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;
use std::time::Duration;

type HmacSha256 = Hmac<Sha256>;

/// Shared signing secret for partners that cannot fetch it from the portal yet.
const LEGACY_SIGNING_SECRET: &str = "{{rand:48}}";{{expect:generic-secret}}

#[derive(Debug, Deserialize)]
struct Settings {
    listen: String,
    upstream: String,
    signing_secret: Option<String>,
    password: Option<String>,
}

fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("any key length works");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

fn http_client(insecure_upstream: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .danger_accept_invalid_certs(insecure_upstream)
        .build()
        .expect("client")
}

fn legacy_client() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true){{expect:tls-verify-disabled}}
        .build()
        .expect("client")
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let settings: Settings = config::Config::builder()
        .add_source(config::File::with_name("config/relay"))
        .add_source(config::Environment::with_prefix("RELAY"))
        .build()?
        .try_deserialize()?;
    let secret = settings
        .signing_secret
        .or_else(|| std::env::var("RELAY_SIGNING_SECRET").ok())
        .unwrap_or_else(|| LEGACY_SIGNING_SECRET.to_string());
    let client = http_client(false);
    let _legacy = legacy_client();
    let body = br#"{"event":"ping"}"#;
    let signature = sign(&secret, body);
    client
        .post(&settings.upstream)
        .header("X-Relay-Signature", signature)
        .body(body.to_vec())
        .send()
        .await?;
    tracing::info!(listen = %settings.listen, "relay started");
    Ok(())
}
