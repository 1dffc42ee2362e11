class Config:
    DEBUG = False
    SECRET_KEY = os.environ["SECRET_KEY"]

class ProductionConfig(Config):
    DEBUG = True{{expect:debug-in-production}}

class DevelopmentConfig(Config):
    DEBUG = True
