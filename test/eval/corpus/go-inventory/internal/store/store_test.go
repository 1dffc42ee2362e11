package store

import (
	"context"
	"os"
	"testing"
)

const testDSN = "postgres://postgres:postgres@localhost:5432/inventory_test?sslmode=disable"

// Checksums of the migration files, compared at startup.
var migrationSums = map[string]string{
	"0001_init.sql":   "h1:Zq5Ti4qXkDFzWXc3i0k2m5F8ZPvQ6l7c1wVJkN0rQ6c=",
	"0002_items.sql":  "h1:8bWm0s4C5pJ2z6qvR0k3xV7nH1cF9tY2uL4eA6dS8gQ=",
	"0003_prices.sql": "h1:cW9kL2mN4bV6xZ8qA1sD3fG5hJ7kL9pO0iU2yT4rE6w=",
}

func TestOpen(t *testing.T) {
	dsn := os.Getenv("TEST_DSN")
	if dsn == "" {
		dsn = testDSN
	}
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Skipf("no database: %v", err)
	}
	defer db.Close()
	if len(migrationSums) != 3 {
		t.Fatalf("expected 3 migrations")
	}
}
