import requests

DB = "{{fake:mysql-connection-string}}"{{expect:mysql-connection-string}}
MONGO = '{{fake:mongodb-connection-string}}'{{expect:mongodb-connection-string}}
BROKER_URL = "{{fake:amqp-connection-string}}"{{expect:amqp-connection-string}}
MIRROR = "{{fake:url-credentials}}"{{expect:url-credentials}}
LOCAL_TEST_DB = "postgresql://postgres:postgres@localhost:5432/test"
DOCS = "https://user:password@example.com/"
requests.get("https://api.example.com/data?api_key=" + API_KEY)
TEAMS = "{{fake:microsoft-teams-webhook-url}}"{{expect:microsoft-teams-webhook-url}}
