#!/usr/bin/env bash
# Runs the schema migrations against the given environment.
set -euo pipefail

ENVIRONMENT="${1:?usage: run-migrations.sh <env>}"
DB_HOST="reports-db.${ENVIRONMENT}.internal"

read -r -s -p "Enter your password: " DB_PASSWORD
echo

flyway -url="jdbc:postgresql://${DB_HOST}:5432/reports" -user=migrator -password="${DB_PASSWORD}" migrate

# The read-only reporting role is recreated on every run.
psql "host=${DB_HOST} dbname=reports user=admin password=${ADMIN_PASSWORD:-}" -c "ALTER ROLE reporting PASSWORD NULL"

mysql --host=legacy-reports.internal --user=reports --password={{rand:16:pw}} -e "SELECT 1"{{expect:generic-password}}
docker login registry.example.com --username ci --password "{{rand:24}}"{{expect:generic-password}}
helm upgrade reports ./chart --set image.tag="$(git rev-parse HEAD)" --set secrets.apiKey="${API_KEY}"
