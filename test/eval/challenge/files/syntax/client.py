"""Third-party clients used by the billing worker."""
import os
import stripe
import openai

stripe.api_key = "{{fake:stripe-secret-key}}"{{expect:stripe-secret-key}}
openai_client = openai.OpenAI(api_key='{{fake:openai-project-key}}'){{expect:openai-project-key}}
GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN", "{{fake:github-pat}}"){{expect:github-pat}}
SLACK = {"token": "{{fake:slack-bot-token}}", "channel": "#billing"}{{expect:slack-bot-token}}
headers = {'Authorization': 'token {{fake:github-fine-grained-pat}}'}{{expect:github-fine-grained-pat}}
anthropic_key = f"{{fake:anthropic-api-key}}"{{expect:anthropic-api-key}}
def make_client(token="{{fake:huggingface-token}}"):{{expect:huggingface-token}}
    return token
# old key, rotated? {{fake:sendgrid-api-key}}{{expect:sendgrid-api-key}}
keys = ["{{fake:gitlab-pat}}", ]{{expect:gitlab-pat}}
upload(url="https://hooks.slack.com/x", fallback={{fake:slack-webhook-url}}){{expect:slack-webhook-url}}
region = os.environ["AWS_REGION"]
request_id = "3f2b9c1e-4a5d-4e6f-9a8b-7c6d5e4f3a2b"
