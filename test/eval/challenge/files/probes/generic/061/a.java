String password = user.getPassword();
