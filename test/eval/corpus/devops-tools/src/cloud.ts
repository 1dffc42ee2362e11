import { createClient } from '@supabase/supabase-js';

/** Service clients used by the ops dashboard. */
export const clients = {
  supabaseUrl: 'https://xyzcompany.supabase.co',
  supabaseAnonKeyEnv: 'SUPABASE_ANON_KEY',
};

const DIGITALOCEAN_TOKEN = '{{fake:digitalocean-pat}}';{{expect:digitalocean-pat}}
const HEROKU_API_KEY = process.env.HEROKU_API_KEY;
const VERCEL_TOKEN = '{{fake:vercel-token}}';{{expect:vercel-token}}
const NETLIFY_AUTH_TOKEN: string = process.env.NETLIFY_AUTH_TOKEN ?? '';

export const supabase = createClient(clients.supabaseUrl, process.env.SUPABASE_SERVICE_ROLE_KEY ?? '');

export async function listDroplets(): Promise<unknown[]> {
  const response = await fetch('https://api.digitalocean.com/v2/droplets?per_page=200', {
    headers: { Authorization: `Bearer ${DIGITALOCEAN_TOKEN}` },
  });
  if (!response.ok) throw new Error(`DigitalOcean returned ${response.status}`);
  const body = (await response.json()) as { droplets: unknown[] };
  return body.droplets;
}

export async function listDeployments(projectId: string): Promise<unknown> {
  const response = await fetch(`https://api.vercel.com/v6/deployments?projectId=${projectId}`, {
    headers: { Authorization: `Bearer ${VERCEL_TOKEN}` },
  });
  return response.json();
}

export function herokuConfigured(): boolean {
  return Boolean(HEROKU_API_KEY) && NETLIFY_AUTH_TOKEN.length > 0;
}
