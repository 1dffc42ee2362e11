class Client
  API_SECRET = "{{rand:40}}"{{expect:generic-secret}}
  def initialize(password: "{{rand:17:pw}}"){{expect:generic-password}}
    @token = ENV.fetch("API_TOKEN")
  end
  def auth
    { api_key: "{{rand:32}}", password: ENV["PASSWORD"] }{{expect:generic-secret}}
  end
end
