cfg := &tls.Config{
	InsecureSkipVerify: true,{{expect:tls-verify-disabled}}
}
