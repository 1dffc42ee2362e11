require "stripe"

Stripe.api_key = '{{fake:stripe-secret-key}}'{{expect:stripe-secret-key}}
Rails.configuration.x.rubygems = "{{fake:rubygems-api-key}}"{{expect:rubygems-api-key}}
CLIENTS = { mailgun: "{{fake:mailgun-api-key}}", region: "eu" }{{expect:mailgun-api-key}}
client = Octokit::Client.new(access_token: "{{fake:github-pat}}"){{expect:github-pat}}
heroku = PlatformAPI.connect_oauth ENV["HEROKU_API_KEY"]
shopify_token = %q({{fake:shopify-custom-app-token}}){{expect:shopify-custom-app-token}}
