"""One-off maintenance tasks for the reporting warehouse."""
import argparse
import getpass
import os
import subprocess

import boto3
import psycopg

WAREHOUSE_HOST = "warehouse.internal.example.com"
password_reset_template = "emails/password_reset.html"
secret_name = "prod/warehouse/admin-password"
token_url = "https://auth.example.com/oauth2/token"
key_file = "/etc/ssl/private/warehouse.key"
api_key_env = "WAREHOUSE_API_KEY"
auth_method = "oauth2"
PASSWORD_FIELD = "password"
MASKED = "********"

db_password = "{{rand:20:pw}}"{{expect:generic-password}}
admin_api_key = '{{rand:32}}'{{expect:generic-secret}}


def get_password() -> str:
    return getpass.getpass("Warehouse password: ")


def secret_from_aws(name: str = secret_name) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=name)["SecretString"]


def connect(password: str | None = None) -> psycopg.Connection:
    password = password or os.environ.get("WAREHOUSE_PASSWORD") or secret_from_aws()
    return psycopg.connect(host=WAREHOUSE_HOST, dbname="reports", user="admin", password=password)


def vacuum(table: str) -> None:
    with connect(db_password) as conn:
        conn.execute(f"VACUUM ANALYZE {table}")


def export(table: str, path: str) -> None:
    subprocess.run(
        ["pg_dump", "-h", WAREHOUSE_HOST, "-U", "admin", "-t", table, "-f", path],
        env={**os.environ, "PGPASSWORD": os.environ.get("WAREHOUSE_PASSWORD", "")},
        check=True,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--password", default=None, help="Enter your password (prompted when omitted)")
    parser.add_argument("table")
    args = parser.parse_args()
    token = None
    secret = None
    vacuum(args.table)
