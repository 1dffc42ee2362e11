config :app, App.Repo,
  username: "app",
  password: "{{rand:18:pw}}",{{expect:generic-password}}
  hostname: "db.internal"
config :app, secret_key_base: "{{rand:64}}"{{expect:generic-secret}}
