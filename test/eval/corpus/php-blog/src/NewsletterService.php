<?php

declare(strict_types=1);

namespace Blog\Newsletter;

use GuzzleHttp\Client;
use Psr\Log\LoggerInterface;

/**
 * Syncs subscribers with Mailchimp and sends transactional mail through Postmark.
 */
final class NewsletterService
{
    private const MAILCHIMP_KEY = '{{fake:mailchimp-api-key}}';{{expect:mailchimp-api-key}}
    private const LIST_ID = 'a1b2c3d4e5';

    private Client $http;
    private string $postmarkToken;

    public function __construct(private LoggerInterface $logger, ?string $postmarkToken = null)
    {
        $this->http = new Client(['base_uri' => 'https://us21.api.mailchimp.com/3.0/', 'timeout' => 10]);
        $this->postmarkToken = $postmarkToken ?? getenv('POSTMARK_SERVER_TOKEN') ?: '';
    }

    public function subscribe(string $email, string $firstName): void
    {
        $this->http->post("lists/" . self::LIST_ID . "/members", [
            'auth' => ['anystring', self::MAILCHIMP_KEY],
            'json' => ['email_address' => $email, 'status' => 'subscribed', 'merge_fields' => ['FNAME' => $firstName]],
        ]);
        $this->logger->info('subscribed {hash}', ['hash' => md5(strtolower($email))]);
    }

    public function pingLegacyCrm(string $email): string
    {
        $curl = curl_init('https://crm.internal.example.com/api/ping?email=' . urlencode($email));
        curl_setopt($curl, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($curl, CURLOPT_SSL_VERIFYPEER, false);{{expect:tls-verify-disabled}}
        curl_setopt($curl, CURLOPT_TIMEOUT, 5);
        $body = curl_exec($curl);
        curl_close($curl);
        return is_string($body) ? $body : '';
    }
}
