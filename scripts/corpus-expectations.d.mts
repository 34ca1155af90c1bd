export interface Expectation {
  rule: string;
  text?: string;
  /** The class of judgement the entry tests, when it is marked. */
  class?: number;
}

export interface Expectations {
  must: Expectation[];
  mustNot: Expectation[];
}

export interface FindingPosition {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Judgement<F extends FindingPosition> {
  found: Expectation[];
  missed: Expectation[];
  struck: { entry: Expectation; finding: F }[];
}

export function readExpectations(yamlText: string, file: string): Expectations;
export function judge<F extends FindingPosition>(report: string, findings: F[], expectations: Expectations, file: string): Judgement<F>;
export function describe(entry: Expectation): string;
