using System;
using System.Net.Http;

namespace Acme.Portal
{
    public static class Keys
    {
        public const string Notion = "{{fake:notion-integration-token}}";{{expect:notion-integration-token}}
        public static readonly string Figma = @"{{fake:figma-pat}}";{{expect:figma-pat}}
        private static string Doppler => "{{fake:doppler-service-token}}";{{expect:doppler-service-token}}

        public static void Configure(HttpClient http)
        {
            http.DefaultRequestHeaders.Add("Authorization", $"Bearer {{fake:linear-api-key}}");{{expect:linear-api-key}}
            var env = Environment.GetEnvironmentVariable("NUGET_API_KEY");
            var nuget = "{{fake:nuget-api-key}}";{{expect:nuget-api-key}}
        }
    }
}
