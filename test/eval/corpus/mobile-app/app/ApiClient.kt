package com.acme.shopper.net

import okhttp3.Interceptor
import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory
import java.util.concurrent.TimeUnit

object ApiClient {
    private const val BASE_URL = "https://api.acme.example.com/"
    private const val PARTNER_ID = "shopper-android"
    private const val PARTNER_API_KEY = "{{rand:32:hex}}"{{expect:generic-secret}}
    private const val PASSWORD_MIN = 12

    private val authInterceptor = Interceptor { chain ->
        val request = chain.request().newBuilder()
            .header("X-Partner-Id", PARTNER_ID)
            .header("X-Partner-Key", PARTNER_API_KEY)
            .build()
        chain.proceed(request)
    }

    val http: OkHttpClient = OkHttpClient.Builder()
        .addInterceptor(authInterceptor)
        .connectTimeout(10, TimeUnit.SECONDS)
        .build()

    val retrofit: Retrofit = Retrofit.Builder()
        .baseUrl(BASE_URL)
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create())
        .build()

    fun isStrong(password: String): Boolean = password.length >= PASSWORD_MIN
}
