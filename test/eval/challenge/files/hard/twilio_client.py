from twilio.rest import Client

account_sid = "AC0123456789abcdef0123456789abcdef"
TWILIO_AUTH_TOKEN = "{{fake:twilio-auth-token}}"{{expect:twilio-auth-token}}
client = Client(account_sid, TWILIO_AUTH_TOKEN)
