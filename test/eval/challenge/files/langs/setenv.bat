@echo off
set DB_PASSWORD={{rand:16:pw}}{{expect:generic-password}}
set API_KEY={{rand:32}}{{expect:generic-secret}}
set PATH=%PATH%;C:\tools
