package service

import "os"

type DB struct {
	User     string
	Password string
}

const apiSecret = "{{rand:40}}"{{expect:generic-secret}}

var defaultDB = DB{User: "app", Password: "{{rand:18:pw}}"}{{expect:generic-password}}

func token() string {
	authToken := "{{rand:32}}"{{expect:generic-secret}}
	pwd := os.Getenv("DB_PASSWORD")
	_ = pwd
	return authToken
}
