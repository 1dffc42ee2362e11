export const pairs = [["gh",{{fake:github-pat}}],["np",'{{fake:npm-access-token}}']];{{expect:github-pat}}{{expect:npm-access-token}}
call({{fake:gitlab-pat}});{{expect:gitlab-pat}}
const t = ({{fake:slack-bot-token}}){{expect:slack-bot-token}}
{{fake:stripe-secret-key}};{{expect:stripe-secret-key}}
const doubled = "{{fake:openai-project-key}}\n";{{expect:openai-project-key}}
