package main

import (
	"net/http"
	"os"
)

const sentryToken = "{{fake:sentry-user-token}}"{{expect:sentry-user-token}}

var doToken = `{{fake:digitalocean-pat}}`{{expect:digitalocean-pat}}

type Config struct {
	Token string
}

func main() {
	cfg := Config{Token: "{{fake:vercel-prefixed-token}}"}{{expect:vercel-prefixed-token}}
	req, _ := http.NewRequest("GET", "https://api.example.com", nil)
	req.Header.Set("DD-API-KEY", "{{fake:datadog-api-key}}"){{expect:datadog-api-key}}
	if os.Getenv("GITHUB_TOKEN") == "" {
		os.Setenv("GITHUB_TOKEN", "{{fake:github-oauth-token}}"){{expect:github-oauth-token}}
	}
	_ = cfg
	hf := map[string]string{"hf": "{{fake:huggingface-org-token}}"}{{expect:huggingface-org-token}}
	_ = hf
}
