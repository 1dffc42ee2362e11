public class Settings
{
    public string ApiKey { get; set; } = "{{rand:32}}";{{expect:generic-secret}}
    private const string Password = "{{rand:18:pw}}";{{expect:generic-password}}
    public string Secret => Configuration["Secret"];
}
