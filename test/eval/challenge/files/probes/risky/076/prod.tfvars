debug = true{{expect:debug-in-production}}
