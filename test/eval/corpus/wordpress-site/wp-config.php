<?php
/**
 * WordPress configuration for the marketing site (production).
 */

define( 'DB_NAME', 'marketing' );
define( 'DB_USER', 'marketing_wp' );
define( 'DB_PASSWORD', '{{rand:20:pw}}' );{{expect:generic-password}}
define( 'DB_HOST', 'marketing-db.internal.example.com' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

define( 'AUTH_KEY',         '{{rand:64:pw}}' );{{expect:generic-secret}}
define( 'SECURE_AUTH_KEY',  '{{rand:64:pw}}' );{{expect:generic-secret}}
define( 'LOGGED_IN_KEY',    '{{rand:64:pw}}' );{{expect:generic-secret}}
define( 'NONCE_KEY',        '{{rand:64:pw}}' );{{expect:generic-secret}}

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'WP_DEBUG_LOG', false );
define( 'DISALLOW_FILE_EDIT', true );
define( 'FORCE_SSL_ADMIN', true );
define( 'WP_CACHE_KEY_SALT', 'marketing.example.com' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
