import * as path from 'path';
import ignore from 'ignore';
import * as vscode from 'vscode';
import type { FileChange, TextEdit, WorkspaceFilesState } from '../../engine/envfix';

/**
 * Files that mark a project's root: `.env` goes next to them. In a monorepo each package gets its own
 * `.env` (where its tooling looks for it); a loose file uses the workspace folder.
 */
const PROJECT_MARKERS = [
  '.env', '.env.example', '.git', 'package.json', 'pyproject.toml', 'requirements.txt', 'setup.py', 'Pipfile',
  'go.mod', 'Cargo.toml', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'Gemfile', 'composer.json',
  'compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'Dockerfile', 'global.json', 'main.tf',
];

/** The `.env`, `.gitignore` and `.env.example` a fix for `document` touches, and their current text. */
export interface EnvFiles {
  dir: vscode.Uri;
  dotenv: vscode.Uri;
  gitignore: vscode.Uri;
  envExample: vscode.Uri;
  state: WorkspaceFilesState;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Text of a file: the open document's (unsaved edits included) or the file on disk; undefined when absent. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The folder whose `.env` serves `documentUri`: the nearest project root within its workspace folder. */
export async function envDirFor(documentUri: vscode.Uri): Promise<vscode.Uri> {
  const folder = vscode.workspace.getWorkspaceFolder(documentUri);
  let dir = vscode.Uri.joinPath(documentUri, '..');
  if (!folder) return dir;
  const root = folder.uri.path.replace(/\/$/, '');
  for (;;) {
    for (const marker of PROJECT_MARKERS) {
      if (await exists(vscode.Uri.joinPath(dir, marker))) return dir;
    }
    if (dir.path.replace(/\/$/, '') === root || !dir.path.startsWith(root)) return folder.uri;
    dir = vscode.Uri.joinPath(dir, '..');
  }
}

/** Reads the env files next to the document's project root and whether a parent `.gitignore` already covers `.env`. */
export async function readEnvFiles(documentUri: vscode.Uri): Promise<EnvFiles> {
  const dir = await envDirFor(documentUri);
  const dotenv = vscode.Uri.joinPath(dir, '.env');
  const gitignore = vscode.Uri.joinPath(dir, '.gitignore');
  const envExample = vscode.Uri.joinPath(dir, '.env.example');
  const [dotenvText, gitignoreText, exampleText, ignoredAbove] = await Promise.all([
    readText(dotenv), readText(gitignore), readText(envExample), ignoredByParentGitignore(documentUri, dir),
  ]);
  return {
    dir, dotenv, gitignore, envExample,
    state: { dotenv: dotenvText, gitignore: gitignoreText, envExample: exampleText, dotenvIgnoredAlready: ignoredAbove },
  };
}

/** True when a `.gitignore` between the workspace folder and `dir` (exclusive) already ignores `dir/.env`. */
async function ignoredByParentGitignore(documentUri: vscode.Uri, dir: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(documentUri);
  if (!folder) return false;
  const relative = path.posix.relative(folder.uri.path, dir.path);
  if (!relative || relative.startsWith('..')) return false;
  const parts = relative.split('/');
  for (let depth = 0; depth < parts.length; depth++) {
    const ancestor = vscode.Uri.joinPath(folder.uri, ...parts.slice(0, depth));
    const text = await readText(vscode.Uri.joinPath(ancestor, '.gitignore'));
    if (text !== undefined && ignore().add(text).ignores([...parts.slice(depth), '.env'].join('/'))) return true;
  }
  return false;
}

/** Position of a UTF-16 offset in a text (the same maths as TextDocument.positionAt, for files not open). */
export function positionIn(text: string, offset: number): vscode.Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return new vscode.Position(line, offset - lineStart);
}

/** Adds plain text edits made against `text` to a WorkspaceEdit. */
export function addTextEdits(edit: vscode.WorkspaceEdit, uri: vscode.Uri, text: string, edits: readonly TextEdit[]): void {
  for (const e of edits) edit.replace(uri, new vscode.Range(positionIn(text, e.start), positionIn(text, e.end)), e.newText);
}

/** Adds a planned file change: creates the file with its content, or edits the existing text. */
export function addFileChange(edit: vscode.WorkspaceEdit, uri: vscode.Uri, existing: string | undefined, change: FileChange | undefined): void {
  if (!change) return;
  if (change.create || existing === undefined) {
    // Only for edits handed out as data (the ignore's allowlist): moves create their files before the edit (applyMove).
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), change.newText);
  } else {
    addTextEdits(edit, uri, existing, change.edits);
  }
}
