import * as vscode from 'vscode';
import { planRiskyFix } from '../../engine/envfix';
import { CommandIds } from '../commands/ids';
import type { Services } from '../services';
import { createCodeAction, FIX_ALL_KIND } from './actions';
import { addDocumentEdits, buildIgnoreEdit, buildMoveEdit, proposedName, saveSideFiles } from './edits';
import { isMovable, keyguardDiagnostics, languageOfDocument, targetOf, type FixTarget } from './targets';
import { readEnvFiles } from './workspaceFiles';

/** Arguments the quick-fix commands receive from a code action (offsets of the value in the document). */
export interface FixCommandArgs {
  uri: string;
  start: number;
  end: number;
  ruleId: string;
  name?: string;
  /** `clear`: the file has no env syntax (JSON): empty the value instead of rewriting it. */
  mode?: 'rewrite' | 'clear';
}

/**
 * Code actions on Keyguard diagnostics: move a secret to an environment variable (preferred, no prompt),
 * to an environment variable with a chosen name, to SecretStorage; fix risky settings; ignore; and fix all
 * secrets of the file (`source.fixAll.keyguard`). Every edit is one WorkspaceEdit.
 */
export class KeyguardCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly services: Services) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const wantQuickFixes = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    const wantFixAll = context.only !== undefined && context.only.contains(FIX_ALL_KIND);
    const actions: vscode.CodeAction[] = [];
    if (wantFixAll) {
      const fixAll = await this.fixAllAction(document, FIX_ALL_KIND);
      if (fixAll) actions.push(fixAll);
    }
    if (!wantQuickFixes) return actions;
    const diagnostics = keyguardDiagnostics(context.diagnostics);
    if (diagnostics.length === 0) return actions;
    let preferredGiven = false;
    for (const diagnostic of diagnostics) {
      if (token.isCancellationRequested) return [];
      const target = targetOf(this.services, document, diagnostic);
      const forThis = isMovable(target) ? await this.secretActions(document, target, !preferredGiven) : this.riskyActions(document, target, !preferredGiven);
      if (forThis.some((action) => action.isPreferred)) preferredGiven = true;
      actions.push(...forThis);
      const ignore = await buildIgnoreEdit(document, target);
      actions.push(createCodeAction({
        title: ignore.title, kind: vscode.CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: ignore.edit, then: saveSideFiles(ignore.edit, document.uri),
      }));
    }
    const allInFile = keyguardDiagnostics(vscode.languages.getDiagnostics(document.uri));
    if (allInFile.filter((d) => isMovable(targetOf(this.services, document, d))).length > 1) {
      const fixAll = await this.fixAllAction(document, vscode.CodeActionKind.QuickFix);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private async secretActions(document: vscode.TextDocument, target: FixTarget, mayPrefer: boolean): Promise<vscode.CodeAction[]> {
    const kind = vscode.CodeActionKind.QuickFix;
    const diagnostics = [target.diagnostic];
    const envFiles = await readEnvFiles(document.uri);
    const move = await buildMoveEdit(document, [target], { envFiles });
    const actions: vscode.CodeAction[] = [];
    const name = proposedName(document, target);
    const args = (extra: Partial<FixCommandArgs> = {}): FixCommandArgs => ({
      uri: document.uri.toString(), start: target.finding.range.start, end: target.finding.range.end, ruleId: target.finding.ruleId, ...extra,
    });
    const canRewrite = move.plan.moved.length > 0;
    if (canRewrite) {
      // A command, not an edit: it creates missing side files first so that one Ctrl+Z undoes the whole move.
      const title = `Move to environment variable ${move.plan.moved[0].envName}`;
      actions.push(createCodeAction({ title, kind, diagnostics, preferred: mayPrefer, command: { title, command: CommandIds.moveToEnv, arguments: [args()] } }));
      actions.push(createCodeAction({
        title: 'Move to environment variable…', kind, diagnostics,
        command: { title: 'Move to environment variable…', command: CommandIds.moveToEnvAs, arguments: [args()] },
      }));
    } else {
      const reason = move.plan.skipped[0]?.reason ?? 'This value cannot be rewritten.';
      actions.push(createCodeAction({ title: 'Move to environment variable', kind, diagnostics, disabledReason: reason }));
      if (languageOfDocument(document) !== 'dotenv') {
        // No env syntax here (JSON): the value can still leave the file for .env; the code that reads it must load it.
        const toDotenv = await buildMoveEdit(document, [target], { envFiles, mode: 'clear' });
        if (toDotenv.plan.moved.length > 0) {
          const title = `Move value to .env as ${toDotenv.plan.moved[0].envName} (${reasonShort(reason)})`;
          actions.push(createCodeAction({ title, kind, diagnostics, command: { title, command: CommandIds.moveToEnv, arguments: [args({ mode: 'clear' })] } }));
        }
      }
    }
    actions.push(createCodeAction({
      title: `Move to SecretStorage as ${name}`, kind, diagnostics,
      command: { title: `Move to SecretStorage as ${name}`, command: CommandIds.moveToSecretStorage, arguments: [args({ name })] },
    }));
    return actions;
  }

  private riskyActions(document: vscode.TextDocument, target: FixTarget, mayPrefer: boolean): vscode.CodeAction[] {
    const options = planRiskyFix(target.finding, document.getText(), languageOfDocument(document));
    return options.map((option, index) => {
      const edit = new vscode.WorkspaceEdit();
      addDocumentEdits(edit, document, option.edits);
      return createCodeAction({
        title: option.title, kind: vscode.CodeActionKind.QuickFix, diagnostics: [target.diagnostic], preferred: mayPrefer && index === 0, edit,
      });
    });
  }

  /** Every movable finding of the file, moved in one edit; undefined when there is none. */
  private async fixAllAction(document: vscode.TextDocument, kind: vscode.CodeActionKind): Promise<vscode.CodeAction | undefined> {
    const diagnostics = keyguardDiagnostics(vscode.languages.getDiagnostics(document.uri));
    const targets = diagnostics.map((d) => targetOf(this.services, document, d)).filter(isMovable);
    if (targets.length === 0) return undefined;
    const move = await buildMoveEdit(document, targets);
    if (move.plan.moved.length === 0) return undefined;
    const count = move.plan.moved.length;
    const title = `Fix all in file: move ${count} secret${count === 1 ? '' : 's'} to environment variables`;
    return createCodeAction({
      title, kind, diagnostics: move.plan.moved.map((m) => targets.find((t) => t.finding === m.item.finding)!.diagnostic),
      command: { title, command: CommandIds.fixAllInFile, arguments: [document.uri.toString()] },
    });
  }
}

function reasonShort(reason: string): string {
  return reason.split(/[:.]/)[0];
}
