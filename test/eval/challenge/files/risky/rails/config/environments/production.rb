Rails.application.configure do
  config.consider_all_requests_local = true{{expect:debug-in-production}}
  config.force_ssl = true
  config.log_level = :info
end
