class Kind(Enum):
    API_KEY = "api_key"
    PASSWORD = "password"
