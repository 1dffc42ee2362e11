const apiKey = "{{rand:32}}";{{expect:generic-secret}}
const secret = '{{rand:40}}';{{expect:generic-secret}}
const config = { password: "{{rand:18:pw}}", user: "svc" };{{expect:generic-password}}
let accessToken = `{{rand:48}}`;{{expect:generic-secret}}
const dbPassword = process.env.DB_PASSWORD;
const placeholder = { apiKey: "YOUR_API_KEY", secret: "<secret>" };
const label = "Enter your password";
if (password === "{{rand:16:pw}}") grant();{{expect:generic-password}}
function connect(user, password = "{{rand:17:pw}}") {}{{expect:generic-password}}
const hashed = "$2b$12$Kx9vQe7rT3mN1pL5sW8yUe0aB2cD4fG6hJ8kL0mN2pQ4rS6tU8vW.";
const passwordRegex = /^(?=.*\d).{8,}$/;
