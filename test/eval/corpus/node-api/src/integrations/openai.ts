import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

// Fallback key for the demo environment (rotated monthly).
const DEMO_KEY = '{{fake:openai-api-key}}';{{expect:openai-api-key}}

const client = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY ?? DEMO_KEY,
  organization: process.env.OPENAI_ORG_ID,
  timeout: 20_000,
  maxRetries: 2,
});

export interface SummaryRequest {
  ticketId: string;
  body: string;
  locale: string;
}

export async function summarizeTicket(request: SummaryRequest): Promise<string> {
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: `Summarize support tickets in ${request.locale}. Never include personal data.` },
    { role: 'user', content: request.body.slice(0, 8000) },
  ];
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages,
    temperature: 0.2,
    user: request.ticketId,
  });
  return completion.choices[0]?.message?.content?.trim() ?? '';
}

export async function embed(texts: string[]): Promise<number[][]> {
  const response = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts });
  return response.data.map((item) => item.embedding);
}
