import { decodeHlc } from '@/shared'

/**
 * "What changed" for the review screen: a field-by-field diff of two versions of a
 * record (a returned visit and its correction), and the fields of a mergeable record
 * written after a moment (from its per-field HLCs, whose millis are wall-clock times).
 */

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Fields whose values differ between `before` and `after` (ignoring `ignore`). */
export function diffRecords<T extends object>(before: T, after: T, ignore: string[] = []): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  const out: FieldChange[] = []
  for (const k of keys) {
    if (ignore.includes(k)) continue
    const b = (before as Record<string, unknown>)[k]
    const a = (after as Record<string, unknown>)[k]
    if (!same(b, a)) out.push({ field: k, before: b, after: a })
  }
  return out
}

/** Fields of a mergeable record written after `sinceIso` (all fields when null). */
export function fieldsChangedSince(hlc: Record<string, string>, sinceIso: string | null): string[] {
  const since = sinceIso ? Date.parse(sinceIso) : -Infinity
  return Object.entries(hlc)
    .filter(([, h]) => decodeHlc(h).millis > since)
    .map(([f]) => f)
    .sort()
}
