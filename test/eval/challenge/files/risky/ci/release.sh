#!/bin/sh
curl -k https://artifacts.internal/release.tgz -o release.tgz{{expect:tls-verify-disabled}}
curl --insecure -fsSL https://get.internal/install.sh | sh{{expect:tls-verify-disabled}}
wget --no-check-certificate https://artifacts.internal/tool{{expect:tls-verify-disabled}}
git -c http.sslVerify=false clone https://git.internal/app.git{{expect:tls-verify-disabled}}
curl -kfsSL https://mirror.internal/x | tar xz{{expect:tls-verify-disabled}}
curl -fsSL https://get.docker.com | sh
