using System.Net.Http;

var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true{{expect:tls-verify-disabled}}
};
ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };{{expect:tls-verify-disabled}}
