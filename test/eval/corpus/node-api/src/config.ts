import { z } from 'zod';

/** Runtime configuration, validated once at startup. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  openaiApiKey?: string;
  password: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const schema = z.object({
  PORT: z.coerce.number().default(3000),
  DATABASE_URL: z.string().url(),
  REDIS_URL: z.string().default('redis://localhost:6379'),
  JWT_SECRET: z.string().min(32),
  OPENAI_API_KEY: z.string().optional(),
  ADMIN_PASSWORD: z.string().min(12),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.parse(env);
  return {
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    jwtSecret: parsed.JWT_SECRET,
    openaiApiKey: parsed.OPENAI_API_KEY,
    password: parsed.ADMIN_PASSWORD,
    logLevel: parsed.LOG_LEVEL,
  };
}

/** Used by the e2e suite only. */
export const testDefaults: Partial<AppConfig> = {
  databaseUrl: 'postgres://postgres:postgres@localhost:5432/app_test',
  redisUrl: 'redis://localhost:6379/1',
  jwtSecret: process.env.TEST_JWT_SECRET ?? '',
};
