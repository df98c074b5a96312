import type { RecordKind } from '../vocab'

/**
 * Which photos a record names. Photos are content-addressed: the same bytes may be named
 * by records of several grids (a picture forwarded between workers, a wish's proof photo
 * taken at a visit). Access follows the records, so both sides read the names from here:
 * the server grants a photo to every grid holding a record that names it, and the device
 * downloads the photos its records name.
 *
 * Takes stored data as `unknown` and checks its shape by hand, because the server calls it
 * on every written row and parsing each row with its schema again would cost the push.
 */

const SHA256 = /^[0-9a-f]{64}$/

const MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const

/** A photo reference as records hold it (the shape of `PhotoRef`, checked by hand). */
export interface NamedPhoto {
  sha256: string
  mime: (typeof MIMES)[number]
  size: number
}

function refOf(ref: unknown): NamedPhoto | null {
  if (typeof ref !== 'object' || ref === null) return null
  const { sha256, mime, size } = ref as { sha256?: unknown; mime?: unknown; size?: unknown }
  if (typeof sha256 !== 'string' || !SHA256.test(sha256)) return null
  if (!MIMES.includes(mime as NamedPhoto['mime']) || typeof size !== 'number') return null
  return { sha256, mime: mime as NamedPhoto['mime'], size }
}

/** The photos a record of this kind names (visits: their photos; wishes: the proof photo), each once. */
export function photoRefsOf(kind: RecordKind, data: unknown): NamedPhoto[] {
  if (typeof data !== 'object' || data === null) return []
  let refs: unknown[] = []
  if (kind === 'visit') {
    const photos = (data as { photos?: unknown }).photos
    refs = Array.isArray(photos) ? photos : []
  } else if (kind === 'wish') {
    const fulfilment = (data as { fulfilment?: unknown }).fulfilment
    refs = typeof fulfilment === 'object' && fulfilment !== null ? [(fulfilment as { photo?: unknown }).photo] : []
  }
  const out = new Map<string, NamedPhoto>()
  for (const r of refs) {
    const ref = refOf(r)
    if (ref && !out.has(ref.sha256)) out.set(ref.sha256, ref)
  }
  return [...out.values()]
}

/** The SHA-256s a record of this kind names (see `photoRefsOf`). */
export function photoShasOf(kind: RecordKind, data: unknown): string[] {
  return photoRefsOf(kind, data).map((r) => r.sha256)
}

/**
 * True when a record's stored JSON text may name a photo. A cheap test before parsing:
 * a key `"sha256":"` cannot come from a user's text, whose quotes JSON escapes.
 */
export function mayNamePhotos(kind: RecordKind, json: string): boolean {
  return (kind === 'visit' || kind === 'wish') && json.includes('"sha256":"')
}
