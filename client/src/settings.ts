import { DEFAULT_EDITOR_SETTINGS } from '../../server/src/lsp/protocol';

/** The extension's settings, the one source of package.json's contributes.configuration. */
export const CONFIGURATION = {
  title: 'audit-lint',
  properties: {
    'auditLint.enable': {
      type: 'boolean',
      default: DEFAULT_EDITOR_SETTINGS.enable,
      scope: 'resource',
      description: 'Lint safeguarding audit reports in Markdown.',
    },
    'auditLint.include': {
      type: 'array',
      items: { type: 'string' },
      default: DEFAULT_EDITOR_SETTINGS.include,
      scope: 'resource',
      markdownDescription: 'Globs, relative to the workspace folder, of Markdown files to lint as audit reports, besides those whose front matter names a `profile:` or that match the `include` of the nearest `.auditlintrc.json`.',
    },
    'auditLint.run': {
      type: 'string',
      enum: ['onType', 'onSave'],
      enumDescriptions: ['Update problems while you type.', 'Update problems when the file is saved.'],
      default: DEFAULT_EDITOR_SETTINGS.run,
      scope: 'resource',
      description: 'When audit-lint checks a report.',
    },
    'auditLint.trace.server': {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      scope: 'window',
      description: 'Log the messages between VS Code and the audit-lint language server in the audit-lint output channel.',
    },
  },
} as const;
