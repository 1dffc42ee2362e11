import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic({
  apiKey: '{{fake:anthropic-api-key}}',{{expect:anthropic-api-key}}
});

export type Tone = 'formal' | 'friendly';

export async function draftReply(question: string, tone: Tone = 'friendly'): Promise<string> {
  const message = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 512,
    system: `You write ${tone} customer support replies.`,
    messages: [{ role: 'user', content: question }],
  });
  const block = message.content[0];
  return block && block.type === 'text' ? block.text : '';
}
