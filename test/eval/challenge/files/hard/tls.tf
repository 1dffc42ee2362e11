resource "kubernetes_secret" "tls" {
  metadata {
    name = "tls"
  }
  data = {
    "tls.key" = <<-EOT
      {{expect:private-key}}{{fake:private-key|indent6}}
    EOT
  }
}
