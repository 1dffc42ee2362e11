package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"time"
)

type Config struct {
	Endpoint     string
	ClientID     string
	ClientSecret string
	Password     string `yaml:"password"`
	Token        string `json:"token,omitempty"`
}

func main() {
	endpoint := flag.String("endpoint", "https://sync.example.com", "sync endpoint")
	flag.Parse()

	clientSecret := "{{rand:40}}"{{expect:generic-secret}}
	password := os.Getenv("SYNC_PASSWORD")
	if password == "" {
		password = "{{rand:18:pw}}"{{expect:generic-password}}
	}
	cfg := Config{
		Endpoint:     *endpoint,
		ClientID:     "sync-worker",
		ClientSecret: clientSecret,
		Password:     password,
		Token:        os.Getenv("SYNC_TOKEN"),
	}
	client := &http.Client{Timeout: 20 * time.Second}
	req, err := http.NewRequest(http.MethodPost, cfg.Endpoint+"/v1/sync", strings.NewReader("{}"))
	if err != nil {
		log.Fatal(err)
	}
	req.SetBasicAuth(cfg.ClientID, cfg.ClientSecret)
	req.Header.Set("X-Api-Key", "{{rand:32:hex}}"){{expect:generic-secret}}
	resp, err := client.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	fmt.Println("sync status:", resp.Status)
}
