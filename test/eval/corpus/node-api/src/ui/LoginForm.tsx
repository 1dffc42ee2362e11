import React, { useState } from 'react';

interface LoginFormProps {
  onSubmit: (credentials: { username: string; password: string }) => Promise<void>;
  passwordMinLength?: number;
}

const LABELS = {
  username: 'Email address',
  password: 'Enter your password',
  passwordConfirm: 'Confirm password',
  forgot: 'Forgot your password?',
  apiKeyHint: 'Paste your API key here',
};

export function LoginForm({ onSubmit, passwordMinLength = 12 }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (password.length < passwordMinLength) {
      setError(`Password must be at least ${passwordMinLength} characters`);
      return;
    }
    await onSubmit({ username, password });
  }

  return (
    <form onSubmit={handleSubmit}>
      <label htmlFor="username">{LABELS.username}</label>
      <input id="username" type="email" value={username} onChange={(e) => setUsername(e.target.value)} />
      <label htmlFor="password">{LABELS.password}</label>
      <input id="password" type="password" autoComplete="current-password" placeholder="••••••••" value={password}
        onChange={(e) => setPassword(e.target.value)} />
      {error && <p role="alert">{error}</p>}
      <a href="/reset">{LABELS.forgot}</a>
      <button type="submit">Sign in</button>
    </form>
  );
}
