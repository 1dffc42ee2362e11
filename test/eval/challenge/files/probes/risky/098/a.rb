Faraday.new(url, ssl: { verify: false }){{expect:tls-verify-disabled}}
