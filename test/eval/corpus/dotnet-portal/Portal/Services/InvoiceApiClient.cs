using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Portal.Services;

/// <summary>Calls the invoicing backend on behalf of the portal.</summary>
public sealed class InvoiceApiClient : IDisposable
{
    private const string DefaultApiKey = "{{rand:36}}";{{expect:generic-secret}}
    private readonly HttpClient _http;
    private readonly ILogger<InvoiceApiClient> _logger;

    public InvoiceApiClient(IConfiguration configuration, ILogger<InvoiceApiClient> logger)
    {
        _logger = logger;
        var handler = new HttpClientHandler
        {
            // The invoicing test stack uses a self-signed certificate.
            ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true,{{expect:tls-verify-disabled}}
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri(configuration["Invoices:BaseUrl"] ?? "https://invoices.example.com/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var apiKey = configuration["Invoices:ApiKey"] ?? Environment.GetEnvironmentVariable("INVOICES_API_KEY") ?? DefaultApiKey;
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task<string> GetInvoiceAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/invoices/{invoiceId}", cancellationToken);
        response.EnsureSuccessStatusCode();
        _logger.LogInformation("Fetched invoice {InvoiceId}", invoiceId);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public static void TrustEverythingForLegacyReports()
    {
        System.Net.ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, sslPolicyErrors) => true;{{expect:tls-verify-disabled}}
    }

    public void Dispose() => _http.Dispose();
}
