$ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);{{expect:tls-verify-disabled}}
