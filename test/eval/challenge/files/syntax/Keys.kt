package com.acme.mobile

object Keys {
    const val MAPS = "{{fake:gcp-api-key}}"{{expect:gcp-api-key}}
    val telegram = "{{fake:telegram-bot-token}}"{{expect:telegram-bot-token}}
    val mailgun: String = "{{fake:mailgun-api-key}}"{{expect:mailgun-api-key}}
}
