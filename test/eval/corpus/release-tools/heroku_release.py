#!/usr/bin/env python3
"""Promotes a Heroku pipeline and posts the changelog to Bitbucket and Atlassian."""
import base64
import json
import sys
import urllib.request

HEROKU_API_KEY = "{{fake:heroku-api-key}}"{{expect:heroku-api-key}}
BITBUCKET_USER = "release-bot"
BITBUCKET_APP_PASSWORD = "{{fake:bitbucket-app-password}}"{{expect:bitbucket-app-password}}
ATLASSIAN_TOKEN = "{{fake:atlassian-api-token}}"{{expect:atlassian-api-token}}


def heroku(path: str, body: dict) -> dict:
    request = urllib.request.Request(
        f"https://api.heroku.com{path}",
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Accept": "application/vnd.heroku+json; version=3",
            "Authorization": f"Bearer {HEROKU_API_KEY}",
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def bitbucket_comment(repo: str, pr: int, text: str) -> None:
    credentials = base64.b64encode(f"{BITBUCKET_USER}:{BITBUCKET_APP_PASSWORD}".encode()).decode()
    request = urllib.request.Request(
        f"https://api.bitbucket.org/2.0/repositories/acme/{repo}/pullrequests/{pr}/comments",
        data=json.dumps({"content": {"raw": text}}).encode(),
        headers={"Authorization": f"Basic {credentials}", "Content-Type": "application/json"},
    )
    urllib.request.urlopen(request, timeout=30).close()


if __name__ == "__main__":
    pipeline_id = sys.argv[1]
    heroku("/pipeline-promotions", {"pipeline": {"id": pipeline_id}, "source": {"app": {"id": sys.argv[2]}}})
