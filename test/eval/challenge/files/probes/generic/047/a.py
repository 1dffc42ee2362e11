api_key_id = "c2f4a1b8-9d3e-4f6a-8b7c-1d2e3f4a5b6c"
