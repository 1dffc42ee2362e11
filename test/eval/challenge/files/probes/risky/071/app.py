app.run(host="0.0.0.0", debug=True){{expect:debug-in-production}}
