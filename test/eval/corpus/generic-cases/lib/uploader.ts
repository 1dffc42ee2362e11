import { createReadStream } from 'fs';
import { basename } from 'path';

export interface UploadOptions {
  bucket: string;
  accessToken?: string;
  password?: string;
  secret: string | undefined;
}

export type TokenProvider = () => Promise<string>;

const uploadToken = '{{rand:48}}';{{expect:generic-secret}}
const passwordPolicy = { minLength: 12, requireSymbol: true };
const tokenHeader = 'X-Upload-Token';
const secretPlaceholder = 'YOUR_API_KEY';
const exampleSecret = '<your-secret-here>';
const redacted = '[REDACTED]';

export async function upload(path: string, options: UploadOptions, getToken?: TokenProvider): Promise<number> {
  const token = options.accessToken ?? (getToken ? await getToken() : uploadToken);
  const response = await fetch(`https://uploads.example.com/${options.bucket}/${basename(path)}`, {
    method: 'PUT',
    headers: { [tokenHeader]: token, 'content-type': 'application/octet-stream' },
    body: createReadStream(path) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
  return response.status;
}

export function describePolicy(): string {
  return `Passwords need ${passwordPolicy.minLength}+ characters (${secretPlaceholder}, ${exampleSecret}, ${redacted} are rejected).`;
}
