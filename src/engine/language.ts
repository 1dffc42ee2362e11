import * as path from 'path';

/** The file kinds Keyguard understands; drives parsing, comment syntax and env-var idioms. */
export type LanguageId =
  | 'python' | 'javascript' | 'typescript' | 'go' | 'java' | 'kotlin' | 'csharp' | 'ruby' | 'php'
  | 'rust' | 'shell' | 'yaml' | 'json' | 'dotenv' | 'properties' | 'toml' | 'ini' | 'terraform'
  | 'dockerfile' | 'xml' | 'c' | 'cpp' | 'swift' | 'scala' | 'powershell' | 'sql' | 'markdown'
  | 'html' | 'plaintext';

const byExtension: Record<string, LanguageId> = {
  '.py': 'python', '.pyw': 'python', '.ipynb': 'json',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescript',
  '.go': 'go', '.java': 'java', '.kt': 'kotlin', '.kts': 'kotlin', '.cs': 'csharp',
  '.rb': 'ruby', '.php': 'php', '.rs': 'rust',
  '.sh': 'shell', '.bash': 'shell', '.zsh': 'shell', '.ksh': 'shell',
  '.yaml': 'yaml', '.yml': 'yaml',
  '.json': 'json', '.jsonc': 'json', '.json5': 'json',
  '.env': 'dotenv', '.properties': 'properties', '.toml': 'toml',
  '.ini': 'ini', '.cfg': 'ini', '.conf': 'ini', '.cnf': 'ini',
  '.tf': 'terraform', '.tfvars': 'terraform', '.hcl': 'terraform',
  '.xml': 'xml', '.config': 'xml', '.csproj': 'xml', '.plist': 'xml',
  '.c': 'c', '.h': 'c', '.cpp': 'cpp', '.cc': 'cpp', '.hpp': 'cpp',
  '.swift': 'swift', '.scala': 'scala', '.ps1': 'powershell', '.sql': 'sql',
  '.md': 'markdown', '.html': 'html', '.htm': 'html',
};

/**
 * Guesses the language of a file from its name alone (the engine never sees VS Code's languageId).
 * `.env.production`, `Dockerfile.dev`, `.npmrc` and friends are recognised by name.
 */
export function languageOf(fileName: string): LanguageId {
  const base = path.basename(fileName).toLowerCase();
  if (base === 'dockerfile' || base.startsWith('dockerfile.') || base.endsWith('.dockerfile') || base === 'containerfile') {
    return 'dockerfile';
  }
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (base === '.npmrc' || base === '.pypirc' || base === '.gitconfig' || base === '.yarnrc' || base === '.editorconfig') return 'ini';
  if (base === '.bashrc' || base === '.zshrc' || base === '.profile' || base === '.bash_profile') return 'shell';
  if (base === 'gemfile' || base === 'rakefile') return 'ruby';
  if (base === 'jenkinsfile') return 'plaintext';
  const ext = path.extname(base);
  return byExtension[ext] ?? 'plaintext';
}

/** Comment syntax of a language, for inline suppressions and quick fixes. */
export function lineCommentOf(language: LanguageId): string | undefined {
  switch (language) {
    case 'python': case 'ruby': case 'shell': case 'yaml': case 'dotenv': case 'properties':
    case 'toml': case 'terraform': case 'dockerfile': case 'powershell':
      return '#';
    case 'ini':
      return ';';
    case 'sql':
      return '--';
    case 'json': case 'markdown': case 'plaintext': case 'xml': case 'html':
      return undefined;
    default:
      return '//';
  }
}
