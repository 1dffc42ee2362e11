const resetPasswordUrl = "/account/reset-password";
