import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { builtInProfiles } from '../../server/src/core/model/profiles';
import { reportSkeleton } from '../../server/src/core/skeleton';

describe('report skeletons', () => {
  const settings = resolveSettings(undefined, '(defaults)');
  for (const profile of Object.values(builtInProfiles)) {
    it(`${profile.id}: a new report has every required section, in order, and no error`, () => {
      const text = reportSkeleton(profile);
      const result = lint(text, settings);
      expect(result.profile).toBe(profile.id);
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(result.findings.filter((f) => f.ruleId === 'required-section' || f.ruleId === 'section-order')).toEqual([]);
      expect(result.model.sections.length).toBeGreaterThan(profile.required.length);
    });
  }
});
