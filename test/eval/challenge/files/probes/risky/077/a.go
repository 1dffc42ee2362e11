cfg := &tls.Config{MinVersion: tls.VersionTLS12}
