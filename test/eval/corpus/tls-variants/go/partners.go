package partners

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
	"time"
)

// StrictClient verifies partners against their CA bundle.
func StrictClient(caFile string) (*http.Client, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	return &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12, InsecureSkipVerify: false}},
	}, nil
}

// LegacyClient talks to the partner whose certificate expired in 2019.
func LegacyClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}{{expect:tls-verify-disabled}}
}
