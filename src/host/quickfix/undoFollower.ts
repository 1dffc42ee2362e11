import * as vscode from 'vscode';

/**
 * Keeps the side files of a move (`.env`, `.gitignore`, `.env.example`) on disk in step with an Undo or Redo
 * of the fix. Undo puts their buffers back but not the files: without this the moved secret would stay in
 * `.env` on disk, and a side file the fix created would stay as an empty file. So on an Undo or Redo that
 * reaches a side file, the file is saved, and a file the fix created that Undo left empty is deleted (Redo
 * writes it again). Following ends when a side file is edited any other way (the fix is then history), when
 * the source file is closed, or when another move starts from the same source file.
 */
const followers = new Map<string, vscode.Disposable>();

export function followUndo(source: vscode.Uri, sideFiles: readonly vscode.Uri[], created: readonly vscode.Uri[]): void {
  const sourceKey = source.toString();
  followers.get(sourceKey)?.dispose();
  const sides = new Set(sideFiles.map((uri) => uri.toString()));
  const createdByFix = new Set(created.map((uri) => uri.toString()));
  if (sides.size === 0) return;
  let queue = Promise.resolve();
  const subscriptions: vscode.Disposable[] = [];
  const stop = (): void => {
    subscriptions.forEach((subscription) => subscription.dispose());
    if (followers.get(sourceKey) === follower) followers.delete(sourceKey);
  };
  const follower = new vscode.Disposable(stop);
  subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((event) => {
      const key = event.document.uri.toString();
      if (!sides.has(key) || event.contentChanges.length === 0) return;
      const reason = event.reason;
      if (reason !== vscode.TextDocumentChangeReason.Undo && reason !== vscode.TextDocumentChangeReason.Redo) {
        stop();
        return;
      }
      // One at a time, after the whole Undo has reached every file (the change events come first).
      queue = queue.then(() => syncToDisk(event.document, reason === vscode.TextDocumentChangeReason.Undo && createdByFix.has(key)));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.toString() === sourceKey) stop();
    }),
  );
  followers.set(sourceKey, follower);
}

/** Saves the side file as its buffer now reads; deletes it instead when the fix created it and Undo emptied it. */
async function syncToDisk(document: vscode.TextDocument, createdAndUndone: boolean): Promise<void> {
  try {
    if (document.isDirty) await document.save();
    if (createdAndUndone && document.getText() === '') await vscode.workspace.fs.delete(document.uri);
  } catch {
    // A file that cannot be saved or deleted stays as VS Code left it: the Undo itself has happened.
  }
}
