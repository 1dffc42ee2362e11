#!/usr/bin/env bash
# Nightly backup of the document store and the reporting database.
set -Eeuo pipefail

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
BACKUP_DIR="/var/backups/${STAMP}"
MONGO_URI="{{fake:mongodb-connection-string}}"{{expect:mongodb-connection-string}}
REPORTING_DB_PASSWORD="${REPORTING_DB_PASSWORD:?set REPORTING_DB_PASSWORD}"

# Recipient is public; the identity below decrypts restores on the DR host.
AGE_RECIPIENT="age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"
AGE_IDENTITY="{{fake:age-secret-key}}"{{expect:age-secret-key}}

mkdir -p "${BACKUP_DIR}"
mongodump --uri="${MONGO_URI}" --gzip --archive="${BACKUP_DIR}/docs.archive.gz"
mysqldump --host=reporting-db.internal --user=backup --password="${REPORTING_DB_PASSWORD}" reporting | gzip > "${BACKUP_DIR}/reporting.sql.gz"
mysqldump --host=legacy-db.internal --user=root --password={{rand:16:pw}} legacy | gzip > "${BACKUP_DIR}/legacy.sql.gz"{{expect:generic-password}}

for file in "${BACKUP_DIR}"/*; do
  age -r "${AGE_RECIPIENT}" -o "${file}.age" "${file}" && rm -f "${file}"
done

sha256sum "${BACKUP_DIR}"/*.age > "${BACKUP_DIR}/SHA256SUMS"
aws s3 cp --recursive "${BACKUP_DIR}" "s3://acme-backups/${STAMP}/" --sse aws:kms

curl -fsS -m 10 --retry 3 -H "Authorization: Bearer {{rand:40}}" https://hc-ping.example.com/backup-nightly{{expect:bearer-token}}
echo "backup ${STAMP} complete"
