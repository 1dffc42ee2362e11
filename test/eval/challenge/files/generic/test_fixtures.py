# Tests: obvious dummies stay quiet
def test_login(client):
    resp = client.post("/login", data={"username": "alice", "password": "password123"})
    assert resp.status_code == 200
    api_key = "test"
    token = "dummy-token"
    secret = "changeme"
    password = "xxxxxxxx"
