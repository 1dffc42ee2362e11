DEPLOY_KEY = """
{{expect:private-key}}{{fake:private-key}}
"""

PUBLIC = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb9Yg2m0kq3fQpR5vV8sT1uW4xY7zA0bC3dE6fH9iJ2 deploy@ci"
