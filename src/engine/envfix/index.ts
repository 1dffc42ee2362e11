/**
 * Env-var quick-fix planning: pure functions that turn a finding into plain text edits (no `vscode`).
 * The host (src/host/quickfix) turns each plan into one WorkspaceEdit.
 */
export { deriveEnvName, isValidEnvName, toEnvName } from './names';
export { rewriteForLanguage, envReadExpression, type RewriteResult } from './rewrite';
export { findLiteral, type LiteralSpan } from './literal';
export {
  parseDotenv, formatDotenvValue, planDotenvEdit, planDotenvEdits, planGitignoreEdit, planEnvExampleEdit,
  type DotenvEntry, type DotenvPlan,
} from './dotenv';
export { planRiskyFix, type RiskyFixOption, type RiskyFindingLike } from './risky';
export { suppressionComment, planSuppression, type SuppressionComment } from './suppression';
export { planMoveToEnv, planClearValue, type MovePlan, type MoveItem, type MoveTarget, type FileChange, type WorkspaceFilesState } from './plan';
export { applyEdits, eolOf, type TextEdit, type FindingLike } from './types';
