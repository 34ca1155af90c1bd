export const HOMEPAGE = 'https://github.com/audit-lint/audit-lint';

/** Where a rule's documentation lives. */
export function docsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules/${ruleId}.md`;
}
