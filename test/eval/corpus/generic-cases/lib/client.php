<?php

declare(strict_types=1);

namespace Acme\Reports;

final class Client
{
    private const USER_AGENT = 'acme-reports/1.4';
    private string $password;
    private array $options = [
        'base_uri' => 'https://reports.example.com/api/',
        'api_key' => '{{rand:36}}',{{expect:generic-secret}}
        'timeout' => 15,
    ];

    public function __construct(?string $password = null)
    {
        $this->password = $password ?? (getenv('REPORTS_PASSWORD') ?: '');
    }

    public static function legacy(): self
    {
        $password = '{{rand:14:pw}}';{{expect:generic-password}}
        return new self($password);
    }

    public function headers(): array
    {
        return [
            'User-Agent' => self::USER_AGENT,
            'X-Api-Key' => $this->options['api_key'],
            'Authorization' => 'Basic ' . base64_encode('reports:' . $this->password),
        ];
    }
}
