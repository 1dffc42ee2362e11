# frozen_string_literal: true

require "net/http"
require "openssl"
require "json"

# Fetches live shipping rates from the carrier aggregator.
class ShippingRates
  API_URL = URI("https://api.shipping-aggregator.example.com/v2/rates")
  API_TOKEN = "{{rand:32}}"{{expect:generic-secret}}

  Rate = Struct.new(:carrier, :service, :amount_cents, keyword_init: true)

  def initialize(token: ENV.fetch("SHIPPING_API_TOKEN", API_TOKEN), timeout: 8)
    @token = token
    @timeout = timeout
  end

  def quote(from:, to:, weight_grams:)
    http = Net::HTTP.new(API_URL.host, API_URL.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE{{expect:tls-verify-disabled}}
    http.read_timeout = @timeout
    request = Net::HTTP::Post.new(API_URL, "Content-Type" => "application/json", "Authorization" => "Bearer #{@token}")
    request.body = { from: from, to: to, weight: weight_grams }.to_json
    response = http.request(request)
    raise "rates failed: #{response.code}" unless response.is_a?(Net::HTTPSuccess)

    JSON.parse(response.body).fetch("rates").map do |rate|
      Rate.new(carrier: rate["carrier"], service: rate["service"], amount_cents: rate["amount_cents"])
    end
  end
end
