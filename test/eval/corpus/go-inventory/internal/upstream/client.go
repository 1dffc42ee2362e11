package upstream

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Client calls the supplier catalogue API.
type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

// The supplier's sandbox still serves an expired certificate; see INC-2231.
var sandboxTransport = &http.Transport{
	TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true,{{expect:tls-verify-disabled}}
		MinVersion:         tls.VersionTLS12,
	},
	MaxIdleConns:    20,
	IdleConnTimeout: 90 * time.Second,
}

const sandboxAPIKey = "{{rand:32}}"{{expect:generic-secret}}

// NewClient builds a client; an empty key selects the sandbox.
func NewClient(baseURL, apiKey string) *Client {
	if apiKey == "" {
		return &Client{baseURL: baseURL, apiKey: sandboxAPIKey, http: &http.Client{Transport: sandboxTransport, Timeout: 15 * time.Second}}
	}
	return &Client{baseURL: baseURL, apiKey: apiKey, http: &http.Client{Timeout: 15 * time.Second}}
}

// Item is one catalogue entry.
type Item struct {
	SKU      string  `json:"sku"`
	Name     string  `json:"name"`
	Price    float64 `json:"price"`
	Password string  `json:"-"`
}

// Lookup fetches one item by SKU.
func (c *Client) Lookup(sku string) (*Item, error) {
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/v1/items/%s", c.baseURL, sku), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Api-Key", c.apiKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("supplier returned %d", resp.StatusCode)
	}
	var item Item
	return &item, json.NewDecoder(resp.Body).Decode(&item)
}
