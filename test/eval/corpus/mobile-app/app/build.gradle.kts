plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("com.google.gms.google-services")
}

android {
    namespace = "com.acme.shopper"
    compileSdk = 34

    defaultConfig {
        applicationId = "com.acme.shopper"
        minSdk = 26
        targetSdk = 34
        versionCode = 412
        versionName = "4.12.0"
        buildConfigField("String", "API_BASE_URL", "\"https://api.acme.example.com\"")
        buildConfigField("String", "MAPS_API_KEY", "\"{{fake:gcp-api-key:android}}\""){{expect:gcp-api-key}}
        testInstrumentationRunner = "androidx.test.runner.AndroidJUnitRunner"
    }

    signingConfigs {
        create("release") {
            storeFile = file("../keystore/release.jks")
            storePassword = "{{rand:16:pw}}"{{expect:generic-password}}
            keyAlias = "shopper"
            keyPassword = System.getenv("SHOPPER_KEY_PASSWORD")
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            signingConfig = signingConfigs.getByName("release")
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
        debug {
            applicationIdSuffix = ".debug"
            isDebuggable = true
        }
    }
}

dependencies {
    implementation("androidx.core:core-ktx:1.13.1")
    implementation("com.squareup.retrofit2:retrofit:2.11.0")
    implementation(platform("com.google.firebase:firebase-bom:33.1.2"))
    testImplementation("junit:junit:4.13.2")
}
