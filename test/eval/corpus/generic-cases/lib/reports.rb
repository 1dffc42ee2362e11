# frozen_string_literal: true

module Reports
  # Client settings; values come from ENV except the legacy fallbacks below.
  class Settings
    DEFAULTS = {
      base_url: "https://reports.example.com/api",
      api_key: ENV["REPORTS_API_KEY"],
      password: ENV.fetch("REPORTS_PASSWORD", nil),
      timeout: 15,
    }.freeze

    LEGACY = {
      api_key: "{{rand:32}}",{{expect:generic-secret}}
      password: "{{rand:16:pw}}",{{expect:generic-password}}
    }.freeze

    attr_reader :api_key, :password

    def initialize(api_key: DEFAULTS[:api_key], password: DEFAULTS[:password])
      @api_key = api_key || LEGACY[:api_key]
      @password = password || LEGACY[:password]
    end

    def password?
      !password.nil? && !password.empty?
    end
  end
end
