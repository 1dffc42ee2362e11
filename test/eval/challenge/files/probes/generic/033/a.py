def f(secret="{{rand:40}}"): pass{{expect:generic-secret}}
