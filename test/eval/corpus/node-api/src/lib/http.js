'use strict';

const axios = require('axios');

// Integration environments use certificates from the corporate CA that Node does not trust.
if (process.env.APP_ENV === 'integration') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';{{expect:tls-verify-disabled}}
}

const api = axios.create({
  baseURL: process.env.API_BASE_URL || 'https://api.example.com/v2',
  timeout: 8000,
  headers: {
    Accept: 'application/json',
    Authorization: 'Bearer {{fake:jwt}}',{{expect:jwt}}
  },
});

api.interceptors.response.use(
  (response) => response,
  (error) => {
    const status = error.response ? error.response.status : 'network';
    console.warn(`request to ${error.config && error.config.url} failed: ${status}`);
    return Promise.reject(error);
  },
);

async function fetchUser(id) {
  const { data } = await api.get(`/users/${encodeURIComponent(id)}`);
  return data;
}

module.exports = { api, fetchUser };
