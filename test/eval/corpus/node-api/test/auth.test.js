const assert = require('assert');
const request = require('supertest');
const { createApp } = require('../src/app');

describe('POST /login', () => {
  const app = createApp({ databaseUrl: 'postgres://postgres:postgres@localhost:5432/app_test' });
  const user = { email: 'alice@example.com', password: 'test-password' };
  const sessionId = 'a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8';

  before(async () => {
    await app.locals.db.users.create({ ...user, passwordHash: '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy' });
  });

  it('rejects a wrong password', async () => {
    const res = await request(app).post('/login').send({ email: user.email, password: 'wrong' });
    assert.strictEqual(res.status, 401);
  });

  it('returns a session for the right password', async () => {
    const res = await request(app).post('/login').send(user);
    assert.strictEqual(res.status, 200);
    assert.ok(res.body.token);
  });

  it('keeps the session id format', () => {
    assert.match(sessionId, /^[0-9a-f-]{36}$/);
  });
});
