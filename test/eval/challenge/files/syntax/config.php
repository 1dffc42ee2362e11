<?php
return [
    'stripe' => ['secret' => '{{fake:stripe-secret-key}}'],{{expect:stripe-secret-key}}
    'mailchimp' => "{{fake:mailchimp-api-key}}",{{expect:mailchimp-api-key}}
    'twilio_sid' => getenv('TWILIO_ACCOUNT_SID'),
];
define('SLACK_HOOK', '{{fake:slack-webhook-url}}');{{expect:slack-webhook-url}}
$gitlab = "{{fake:gitlab-pat}}";{{expect:gitlab-pat}}
$client->setApiKey('{{fake:brevo-api-key}}');{{expect:brevo-api-key}}
