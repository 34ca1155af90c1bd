/**
 * What every identifier finder returns, and the context helpers they share.
 *
 * Input is prose: markup and code already blanked with spaces, the same length as the source, so
 * every offset maps to the source. Every pattern has a bounded length (or is scanned by hand), so a
 * finder runs in time linear in the input.
 */

export type IdentifierKind =
  | 'nhs-number'
  | 'chi-number'
  | 'hc-number'
  | 'nino'
  | 'upn'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'date-of-birth'
  | 'address'
  | 'name';

/** `high`: the format validated and the context agrees. `low`: plausible, or probably organisational. */
export type Confidence = 'high' | 'low';

export interface IdentifierMatch {
  kind: IdentifierKind;
  start: number;
  end: number;
  confidence: Confidence;
}

export interface FindOptions {
  /**
   * The document says names have been changed: first names beside a family role are then read as
   * pseudonyms and not reported, and a title with a surname is reported at low confidence.
   */
  namesChanged?: boolean;
}

/** How far before (and after) a match a context word still counts. */
export const CONTEXT_BEFORE = 40;
export const CONTEXT_AFTER = 20;

export function contextAround(prose: string, start: number, end: number): string {
  return prose.slice(Math.max(0, start - CONTEXT_BEFORE), Math.min(prose.length, end + CONTEXT_AFTER));
}

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}
