"""Sync tickets between Linear, Notion and Jira for the weekly report."""
import os

import requests

LINEAR_API_KEY = "{{fake:linear-api-key}}"{{expect:linear-api-key}}
NOTION_TOKEN = "{{fake:notion-integration-token}}"{{expect:notion-integration-token}}
JIRA_URL = "https://acme.atlassian.net"
JIRA_USER = "reports@example.com"
JIRA_TOKEN = os.environ.get("JIRA_API_TOKEN")
FIGMA_TOKEN = "{{fake:figma-pat}}"{{expect:figma-pat}}


def linear_issues(team_key: str) -> list[dict]:
    query = """
    query($team: String!) { issues(filter: { team: { key: { eq: $team } } }) { nodes { id title state { name } } } }
    """
    response = requests.post(
        "https://api.linear.app/graphql",
        json={"query": query, "variables": {"team": team_key}},
        headers={"Authorization": LINEAR_API_KEY},
        timeout=20,
    )
    response.raise_for_status()
    return response.json()["data"]["issues"]["nodes"]


def notion_append(page_id: str, text: str) -> None:
    requests.patch(
        f"https://api.notion.com/v1/blocks/{page_id}/children",
        headers={"Authorization": f"Bearer {NOTION_TOKEN}", "Notion-Version": "2022-06-28"},
        json={"children": [{"paragraph": {"rich_text": [{"text": {"content": text}}]}}]},
        timeout=20,
    ).raise_for_status()


def jira_search(jql: str) -> list[dict]:
    response = requests.get(
        f"{JIRA_URL}/rest/api/3/search",
        params={"jql": jql, "maxResults": 100},
        auth=(JIRA_USER, JIRA_TOKEN or ""),
        timeout=20,
    )
    return response.json().get("issues", [])
