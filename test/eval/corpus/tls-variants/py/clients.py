"""HTTP clients for the partner integrations, one per partner."""
import ssl

import httpx
import requests
import urllib3

CA_BUNDLE = "/etc/ssl/certs/partners-ca.pem"


def acme_client() -> httpx.Client:
    # Verified against the partner CA bundle.
    return httpx.Client(base_url="https://api.acme-partner.example.com", verify=CA_BUNDLE, timeout=10.0)


def globex_client() -> httpx.Client:
    return httpx.Client(base_url="https://api.globex.example.com", verify=True, timeout=10.0)


def initech_session() -> requests.Session:
    session = requests.Session()
    session.verify = False{{expect:tls-verify-disabled}}
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    return session


def umbrella_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url="https://umbrella.example.com", verify=False){{expect:tls-verify-disabled}}


def hooli_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False{{expect:tls-verify-disabled}}
    context.verify_mode = ssl.CERT_NONE{{expect:tls-verify-disabled}}
    return context


def strict_context() -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=CA_BUNDLE)
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    return context
