NSString *password = @"{{rand:18:pw}}";{{expect:generic-password}}
NSString *clientSecret = @"{{rand:40}}";{{expect:generic-secret}}
