require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  config.consider_all_requests_local = false
  config.action_controller.perform_caching = true
  config.public_file_server.enabled = ENV["RAILS_SERVE_STATIC_FILES"].present?
  config.assets.compile = false
  config.active_storage.service = :amazon
  config.force_ssl = true
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")
  config.log_tags = [:request_id]
  config.cache_store = :redis_cache_store, { url: ENV["REDIS_URL"] }
  config.action_mailer.perform_caching = false
  config.action_mailer.smtp_settings = {
    address: "smtp.mailgun.org",
    port: 587,
    user_name: "postmaster@mg.example.com",
    password: ENV["MAILGUN_SMTP_PASSWORD"],
    authentication: :plain,
  }
  config.i18n.fallbacks = true
  config.active_support.report_deprecations = false
  config.active_record.dump_schema_after_migration = false
end
