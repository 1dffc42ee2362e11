import axios, { type AxiosInstance } from 'axios';
import https from 'node:https';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';

const partnerCa = readFileSync('/etc/ssl/certs/partners-ca.pem');

export function acme(): AxiosInstance {
  return axios.create({
    baseURL: 'https://api.acme-partner.example.com',
    httpsAgent: new https.Agent({ ca: partnerCa, rejectUnauthorized: true }),
  });
}

export function initech(): AxiosInstance {
  return axios.create({
    baseURL: 'https://legacy.initech.example.com',
    httpsAgent: new https.Agent({ rejectUnauthorized: false }),{{expect:tls-verify-disabled}}
  });
}

export function rawSocket(host: string): tls.TLSSocket {
  return tls.connect({ host, port: 8443, servername: host, ca: partnerCa });
}

export function legacySocket(host: string): tls.TLSSocket {
  return tls.connect({ host, port: 8443, rejectUnauthorized: false });{{expect:tls-verify-disabled}}
}

export const tlsOptions = {
  minVersion: 'TLSv1.2' as const,
  rejectUnauthorized: process.env.PARTNER_TLS_STRICT !== 'false',
};
