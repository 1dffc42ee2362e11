<?php
$ch = curl_init($url);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);{{expect:tls-verify-disabled}}
curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);{{expect:tls-verify-disabled}}
$client = new GuzzleHttp\Client(['verify' => false]);{{expect:tls-verify-disabled}}
