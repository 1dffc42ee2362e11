using System;
using System.Collections.Generic;

namespace Acme.Reports;

/// <summary>Settings for the reporting API client.</summary>
public sealed class ApiSettings
{
    public string BaseUrl { get; init; } = "https://reports.example.com/api";
    public string? ApiKey { get; init; }
    public string Password { get; set; } = string.Empty;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public static ApiSettings Legacy() => new()
    {
        ApiKey = "{{rand:40}}",{{expect:generic-secret}}
        Password = "{{rand:16:pw}}",{{expect:generic-password}}
    };

    public static ApiSettings FromEnvironment() => new()
    {
        ApiKey = Environment.GetEnvironmentVariable("REPORTS_API_KEY"),
        Password = Environment.GetEnvironmentVariable("REPORTS_PASSWORD") ?? string.Empty,
    };

    public IDictionary<string, string> Headers() => new Dictionary<string, string>
    {
        ["Accept"] = "application/json",
        ["X-Client"] = "reports-cli/2.3",
        ["X-Api-Key"] = ApiKey ?? string.Empty,
    };
}
