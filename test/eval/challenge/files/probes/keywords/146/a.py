password = request.form["password"]
