declare const AUDIT_LINT_VERSION: string | undefined;

/** Set by the bundler from package.json; sources run by tests report a development version. */
export const VERSION: string = typeof AUDIT_LINT_VERSION === 'string' ? AUDIT_LINT_VERSION : '0.0.0-dev';
