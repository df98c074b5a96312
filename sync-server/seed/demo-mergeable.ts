import { AssessmentFields, HouseholdFields, PersonFields, encodeHlc } from '../../src/shared'

/**
 * Per-field clocks of the mergeable demo records. Every field of the record's `*Fields`
 * schema, plus the `deleted` tombstone, carries the HLC of its last write, on node
 * `seed`, so a device's later edit (a higher HLC) always wins over demo data.
 */

export const SEED_NODE = 'seed'

const KEYS = {
  household: [...Object.keys(HouseholdFields.shape), 'deleted'],
  person: [...Object.keys(PersonFields.shape), 'deleted'],
  assessment: [...Object.keys(AssessmentFields.shape), 'deleted'],
} as const

export function seedHlc(ms: number, counter = 0): string {
  return encodeHlc({ millis: Math.floor(ms), counter, node: SEED_NODE })
}

/** A clock with every field of `kind` written at `ms`. */
export function fieldClock(kind: keyof typeof KEYS, ms: number): Record<string, string> {
  const hlc = seedHlc(ms)
  return Object.fromEntries(KEYS[kind].map((k) => [k, hlc]))
}
