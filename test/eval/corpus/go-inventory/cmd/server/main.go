package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/example/inventory/internal/store"
	"github.com/example/inventory/internal/upstream"
)

// Version is stamped at build time: -ldflags "-X main.Version=$(git rev-parse HEAD)".
var Version = "0000000000000000000000000000000000000000"

const defaultAddr = ":8080"

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	dsn := os.Getenv("INVENTORY_DSN")
	if dsn == "" {
		logger.Error("INVENTORY_DSN is required")
		os.Exit(2)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		logger.Error("open store", "err", err)
		os.Exit(1)
	}
	defer db.Close()

	supplier := upstream.NewClient(os.Getenv("SUPPLIER_URL"), os.Getenv("SUPPLIER_API_KEY"))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("GET /items/{sku}", itemHandler(db, supplier))

	server := &http.Server{Addr: defaultAddr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("listen", "err", err)
		}
	}()
	logger.Info("inventory started", "version", Version, "addr", defaultAddr)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = server.Shutdown(ctx)
}
