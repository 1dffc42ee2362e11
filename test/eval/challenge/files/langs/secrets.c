#define API_SECRET "{{rand:40}}"{{expect:generic-secret}}
static const char password[] = "{{rand:16:pw}}";{{expect:generic-password}}
std::string auth_token = "{{rand:32}}";{{expect:generic-secret}}
char *pw = getenv("DB_PASSWORD");
