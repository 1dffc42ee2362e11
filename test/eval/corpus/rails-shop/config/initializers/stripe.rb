# frozen_string_literal: true

Stripe.api_key = ENV["STRIPE_SECRET_KEY"]
Stripe.api_version = "2024-06-20"
Stripe.max_network_retries = 2

Rails.application.config.stripe = {
  publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", "pk_test_YOUR_PUBLISHABLE_KEY"),
  webhook_secret: Rails.application.credentials.dig(:stripe, :webhook_secret),
}

# Shopify storefront for the wholesale catalogue.
ShopifyAPI::Context.setup(
  api_key: ENV["SHOPIFY_API_KEY"],
  api_secret_key: ENV["SHOPIFY_API_SECRET"],
  host: "https://wholesale.example.com",
  scope: "read_products,read_orders",
  is_embedded: false,
  api_version: "2024-07",
)
WHOLESALE_ADMIN_TOKEN = "{{fake:shopify-access-token}}"{{expect:shopify-access-token}}
