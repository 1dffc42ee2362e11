import type { LanguageId } from '../language';
import { planDotenvEdits, planEnvExampleEdit, planGitignoreEdit } from './dotenv';
import { deriveEnvName, isValidEnvName } from './names';
import { rewriteForLanguage } from './rewrite';
import type { FindingLike, TextEdit } from './types';

/** The workspace files a move touches, as they are now (undefined: the file does not exist). */
export interface WorkspaceFilesState {
  dotenv?: string;
  gitignore?: string;
  envExample?: string;
  /** True when git already ignores `.env` (parent `.gitignore`, global excludes), as the host found out. */
  dotenvIgnoredAlready?: boolean;
}

/** One finding to move, with its clear value (read by the host from the document; never logged). */
export interface MoveItem {
  finding: FindingLike & { range: { start: number; end: number } };
  value: string;
  /** The name the user asked for; derived from context when absent. */
  name?: string;
}

/** Changes to one workspace file: `create` when it does not exist yet (then `newText` is its whole content). */
export interface FileChange {
  create: boolean;
  edits: TextEdit[];
  newText: string;
}

/** Everything one "move to environment variable" fix changes, to be applied as one undoable edit. */
export interface MovePlan {
  /** Edits to the scanned file. */
  source: TextEdit[];
  /** Per moved item (same order as given, skipped ones left out): the variable the program reads and what `.env` holds. */
  moved: Array<{ item: MoveItem; envName: string; reusedDotenv: boolean }>;
  /** Items that could not be rewritten, with the reason (JSON has no env syntax, …). */
  skipped: Array<{ item: MoveItem; reason: string }>;
  dotenv?: FileChange;
  gitignore?: FileChange;
  envExample?: FileChange;
}

/** Where the value goes: the workspace `.env`, or SecretStorage (the host stores it; no `.env` write). */
export type MoveTarget = 'dotenv' | 'secretStorage';

/**
 * Plans moving one or more literal values of a file into environment variables: rewrites each literal in
 * the language's idiom, appends the values to `.env` (names deduplicated against it and each other),
 * adds `.env` to `.gitignore` when git does not ignore it yet, and `NAME=` to an existing `.env.example`.
 * Pure: the host turns the plan into one WorkspaceEdit.
 */
export function planMoveToEnv(input: {
  text: string;
  fileName: string;
  language: LanguageId;
  items: readonly MoveItem[];
  files: WorkspaceFilesState;
  target?: MoveTarget;
  /**
   * `rewrite` (default) replaces each literal with an env read; `clear` empties it instead, for files with no
   * env syntax (JSON) where the value still leaves the file for `.env` or SecretStorage.
   */
  mode?: 'rewrite' | 'clear';
}): MovePlan {
  const { text, fileName, language, files } = input;
  const target = input.target ?? 'dotenv';
  const clear = input.mode === 'clear';
  const skipped: MovePlan['skipped'] = [];
  const candidates: Array<{ item: MoveItem; dotenvName: string }> = [];
  for (const item of input.items) {
    const requested = item.name ?? deriveEnvName(item.finding, text);
    if (!isValidEnvName(requested)) {
      skipped.push({ item, reason: `${requested} is not a valid environment variable name ([A-Z_][A-Z0-9_]*).` });
      continue;
    }
    const probe = clear ? { ok: true as const, envName: requested } : rewriteForLanguage(language, text, item.finding.range, requested, fileName);
    if (!probe.ok) {
      skipped.push({ item, reason: probe.reason });
      continue;
    }
    candidates.push({ item, dotenvName: probe.envName });
  }

  const dotenvPlan = target === 'dotenv' && candidates.length > 0
    ? planDotenvEdits(files.dotenv, candidates.map((c) => ({ name: c.dotenvName, value: c.item.value })))
    : undefined;

  const source: TextEdit[] = [];
  const moved: MovePlan['moved'] = [];
  candidates.forEach((candidate, index) => {
    const chosen = dotenvPlan?.plans[index].name ?? candidate.dotenvName;
    // Terraform reads TF_VAR_<name> into var.<name>: map a renamed TF_VAR_x_2 back to the variable x_2.
    const codeName = chosen.startsWith('TF_VAR_') && language === 'terraform' ? chosen.slice(7).toUpperCase() : chosen;
    const result = clear
      ? { ok: true as const, edits: [planClearValue(text, language, candidate.item.finding.range)] }
      : rewriteForLanguage(language, text, candidate.item.finding.range, codeName, fileName);
    if (!result.ok) {
      skipped.push({ item: candidate.item, reason: result.reason });
      return;
    }
    for (const edit of result.edits) addEdit(source, edit);
    moved.push({ item: candidate.item, envName: chosen, reusedDotenv: dotenvPlan?.plans[index].reused ?? false });
  });

  const plan: MovePlan = { source, moved, skipped };
  if (moved.length === 0) return plan;
  if (dotenvPlan && dotenvPlan.newText !== (files.dotenv ?? '')) {
    plan.dotenv = { create: files.dotenv === undefined, edits: dotenvPlan.edits, newText: dotenvPlan.newText };
  }
  if (target === 'dotenv') {
    const gitignore = planGitignoreEdit(files.gitignore, files.dotenvIgnoredAlready);
    if (gitignore.changed) plan.gitignore = { create: files.gitignore === undefined, edits: gitignore.edits, newText: gitignore.newText };
  }
  const example = planEnvExampleEdit(files.envExample, moved.map((m) => m.envName));
  if (example.length > 0) plan.envExample = { create: false, edits: example, newText: '' };
  return plan;
}

/**
 * Removes a value from a file that cannot reference the environment (JSON, `.env`), for the SecretStorage
 * path: a `.env` assignment line goes away entirely; elsewhere the value becomes an empty string.
 */
export function planClearValue(text: string, language: LanguageId, range: { start: number; end: number }): TextEdit {
  if (language === 'dotenv') {
    const lineStart = text.lastIndexOf('\n', range.start - 1) + 1;
    let lineEnd = text.indexOf('\n', range.end);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    return { start: lineStart, end: lineEnd, newText: '' };
  }
  return { start: range.start, end: range.end, newText: '' };
}

/** Adds an edit unless the same one is already there (shared imports) or it overlaps one (two findings, one literal). */
function addEdit(edits: TextEdit[], edit: TextEdit): void {
  if (edits.some((e) => e.start === edit.start && e.end === edit.end && e.newText === edit.newText)) return;
  if (edit.start < edit.end && edits.some((e) => e.start < e.end && edit.start < e.end && e.start < edit.end)) return;
  edits.push(edit);
}
