DEBUG = True{{expect:debug-in-production}}
