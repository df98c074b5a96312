import type { Role } from './vocab'

/**
 * The field catalogue: which record fields are sensitive personal information (PIPL
 * art. 28: ID numbers, health and disability, minors) and what each role receives of
 * them. One copy, read by the server's pull, push and reveal routes and by the app's
 * screens and exports.
 *
 * Guarantees:
 * - A role receives a field `full`, `masked` (the same masking everywhere: ID numbers
 *   as 4301**********1234, phones as 138****1234) or not at all (`none`: the record is
 *   not sent). Only the worker who holds the grid receives every field in full.
 * - A role changes only the fields it receives in full (a record it creates it may fill
 *   in), and no mutation accepts the masked form, so a masked value a device holds can
 *   never be pushed back over the real one.
 * - Masking is idempotent: masking a masked value gives it back unchanged.
 * - A masked field can be revealed only online, by the roles listed, and is audited.
 */

export type FieldAccess = 'full' | 'masked' | 'none'
export type Sensitivity = 'identifier' | 'contact' | 'health' | 'minor' | 'personal'
export type MaskStyle = 'id-number' | 'phone'

export interface FieldRule {
  sensitivity: Sensitivity
  access: Record<Role, FieldAccess>
  /** How a `masked` value is written. */
  mask?: MaskStyle
  /** Roles that may fetch the full value online (audited). */
  reveal: readonly Role[]
}

/** The record kinds whose fields the catalogue lists; other kinds carry no such field. */
export type CataloguedKind = 'household' | 'person'

const full: Record<Role, FieldAccess> = { worker: 'full', supervisor: 'full', admin: 'full' }
const maskedAbove: Record<Role, FieldAccess> = { worker: 'full', supervisor: 'masked', admin: 'masked' }
const reviewers = ['supervisor', 'admin'] as const

/**
 * Key-group flags (disability, serious illness, left-behind children, …) and birth
 * dates reach the supervisor in full: coverage, overdue key households, the needs
 * picture and the care calendar are built from them on her device.
 */
export const FIELD_CATALOGUE: Record<CataloguedKind, Record<string, FieldRule>> = {
  household: {
    phone: { sensitivity: 'contact', access: maskedAbove, mask: 'phone', reveal: reviewers },
    keyGroups: { sensitivity: 'health', access: full, reveal: [] },
    notes: { sensitivity: 'health', access: full, reveal: [] },
  },
  person: {
    idNumber: { sensitivity: 'identifier', access: maskedAbove, mask: 'id-number', reveal: reviewers },
    phone: { sensitivity: 'contact', access: maskedAbove, mask: 'phone', reveal: reviewers },
    birthDate: { sensitivity: 'minor', access: full, reveal: [] },
    keyGroups: { sensitivity: 'health', access: full, reveal: [] },
    notes: { sensitivity: 'health', access: full, reveal: [] },
  },
}

/** True for a kind whose fields the catalogue lists. */
export function isCatalogued(kind: string): kind is CataloguedKind {
  return kind === 'household' || kind === 'person'
}

/** What a role receives of one field (fields not listed: in full). */
export function fieldAccess(kind: string, field: string, role: Role): FieldAccess {
  if (!isCatalogued(kind)) return 'full'
  return FIELD_CATALOGUE[kind][field]?.access[role] ?? 'full'
}

/** Masks a phone number (spaces and dashes dropped): 138****1234; short ones keep 2. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/[\s-]/g, '')
  if (!p) return ''
  if (p.length >= 11) return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`
  return `${'*'.repeat(Math.max(0, p.length - 2))}${p.slice(-2)}`
}

/** Masks a resident ID number (18 characters in mainland China): 4301**********1234. */
export function maskIdNumber(id: string): string {
  const s = id.trim()
  if (!s) return ''
  if (s.length >= 15) return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`
  return `${'*'.repeat(Math.max(0, s.length - 2))}${s.slice(-2)}`
}

/** True when a value is written the way masking writes it (holds a `*`). */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*')
}

export function maskValue(style: MaskStyle, value: string): string {
  return style === 'phone' ? maskPhone(value) : maskIdNumber(value)
}

/** One field's value as a role may receive it (a conflict's two values, say). */
export function projectFieldValue(kind: string, field: string, value: unknown, role: Role): unknown {
  const access = fieldAccess(kind, field, role)
  if (access === 'full' || typeof value !== 'string') return value
  const style = isCatalogued(kind) ? FIELD_CATALOGUE[kind][field]?.mask : undefined
  return access === 'none' || !style ? '' : maskValue(style, value)
}

/**
 * Whether a user receives residents' records at all. An admin, of a community or of a
 * district, does not: the console works online against the server's endpoints, so the
 * admin's device never holds residents' personal data (issue 17).
 */
export function receivesRecords(user: { role: Role; communityId: string | null }): boolean {
  return user.role !== 'admin'
}

/**
 * A record as a role may receive it: `masked` fields masked, `none` fields emptied.
 * Returns the same object when nothing changes (a worker's records, other kinds).
 */
export function projectRecord<T extends object>(kind: string, record: T, role: Role): T {
  if (!isCatalogued(kind)) return record
  let out: Record<string, unknown> | null = null
  for (const field of Object.keys(FIELD_CATALOGUE[kind])) {
    const value = (record as Record<string, unknown>)[field]
    const projected = projectFieldValue(kind, field, value, role)
    if (projected === value) continue
    out ??= { ...(record as Record<string, unknown>) }
    out[field] = projected
  }
  return (out as T | null) ?? record
}

/** The fields of a patch that a role may not change on an existing record (not received in full). */
export function unwritableFields(kind: string, fields: readonly string[], role: Role): string[] {
  return fields.filter((f) => fieldAccess(kind, f, role) !== 'full')
}

/** The fields of a kind that a role receives masked and may reveal online. */
export function revealableFields(kind: string, role: Role): string[] {
  if (!isCatalogued(kind)) return []
  return Object.entries(FIELD_CATALOGUE[kind])
    .filter(([, rule]) => rule.access[role] !== 'full' && rule.reveal.includes(role))
    .map(([field]) => field)
}
