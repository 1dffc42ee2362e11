const passwordHint = "Use at least 12 characters";
