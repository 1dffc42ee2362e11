export const TOKEN_STORAGE_KEY = "auth.token.v2";
