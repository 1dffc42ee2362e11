package tls

import (
	"crypto/tls"
	"net/http"
)

var insecure = &http.Transport{
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true},{{expect:tls-verify-disabled}}
}

var strict = &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
