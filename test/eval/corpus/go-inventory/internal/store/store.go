package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// DB wraps the connection pool.
type DB struct{ *sql.DB }

// fallbackDSN is used by the reporting cron when INVENTORY_DSN is missing.
const fallbackDSN = "{{fake:postgres-connection-string:go}}"{{expect:postgres-connection-string}}

// Open connects and pings the database.
func Open(ctx context.Context, dsn string) (*DB, error) {
	if dsn == "" {
		dsn = fallbackDSN
	}
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	if err := pool.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("ping: %w", err)
	}
	pool.SetMaxOpenConns(20)
	return &DB{pool}, nil
}

// AWS credentials for the S3 export job.
var exportCredentials = struct {
	AccessKeyID     string
	SecretAccessKey string
	Region          string
}{
	AccessKeyID:     "{{fake:aws-access-key-id}}",{{expect:aws-access-key-id}}
	SecretAccessKey: "{{fake:aws-secret-access-key}}",{{expect:aws-secret-access-key}}
	Region:          os.Getenv("AWS_REGION"),
}
