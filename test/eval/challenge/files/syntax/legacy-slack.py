# bot token from the 2016 integration
SLACK_BOT_TOKEN = "xoxb-4821379056-{{rand:24}}"{{expect:slack-bot-token}}
