import type { ImportIssue, IssueKind, IssueSeverity } from './types.ts';

export function issue(
  kind: IssueKind,
  severity: IssueSeverity,
  field: string,
  text: string,
  message: string,
  messageVi: string,
): ImportIssue {
  return { kind, severity, field, message, messageVi, text };
}
