import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema, generatedFiles, withContributedSettings, withRuleTable } from '../../scripts/generated';
import { STARTER_CONFIG } from '../../server/src/cli/init-command';
import { parseConfigText } from '../../server/src/core/config/load';
import { rules } from '../../server/src/core/rules';

const root = path.join(__dirname, '..', '..');

describe('generated files', () => {
  it('are up to date with the rule metadata (run npm run generate)', () => {
    for (const [file, content] of Object.entries(generatedFiles())) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
      expect(fs.readFileSync(path.join(root, file), 'utf8'), file).toBe(content);
    }
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(withRuleTable(readme)).toBe(readme);
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    expect(withContributedSettings(JSON.parse(manifest))).toBe(manifest);
  });

  it('leave no stale rule docs behind', () => {
    const docs = fs.readdirSync(path.join(root, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
    expect(docs.sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });
});

describe('configuration schema', () => {
  const validate = new Ajv({ strict: false }).compile(configSchema());
  const readmeConfig = () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
    return JSON.parse(block![1]);
  };

  it('accepts the starter configuration and the README example, as the engine does', () => {
    for (const config of [STARTER_CONFIG, readmeConfig()]) {
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
      expect(() => parseConfigText('.auditlintrc.json', JSON.stringify(config))).not.toThrow();
    }
  });

  it('rejects what the engine rejects', () => {
    const bad = [
      { rulez: {} },
      { rules: { 'no-such-rule': 'off' } },
      { rules: { placeholder: 'loud' } },
      { rules: { 'jigsaw-risk': ['warning', { nope: 1 }] } },
      { profiles: { ours: { required: ['methods'] } } },
      { readability: { audience: 'toddlers' } },
      { vocabulary: { agencies: 'Police' } },
    ];
    for (const config of bad) {
      expect(validate(config), JSON.stringify(config)).toBe(false);
      expect(() => parseConfigText('.auditlintrc.json', JSON.stringify(config)), JSON.stringify(config)).toThrow();
    }
  });
});
