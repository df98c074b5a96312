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

function shaOf(ref: unknown): string | null {
  if (typeof ref !== 'object' || ref === null) return null
  const sha = (ref as { sha256?: unknown }).sha256
  return typeof sha === 'string' && SHA256.test(sha) ? sha : null
}

/** The SHA-256s a record of this kind names (visits: their photos; wishes: the proof photo). */
export function photoShasOf(kind: RecordKind, data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return []
  if (kind === 'visit') {
    const photos = (data as { photos?: unknown }).photos
    if (!Array.isArray(photos)) return []
    return [...new Set(photos.map(shaOf).filter((s): s is string => s !== null))]
  }
  if (kind === 'wish') {
    const fulfilment = (data as { fulfilment?: unknown }).fulfilment
    const sha = typeof fulfilment === 'object' && fulfilment !== null ? shaOf((fulfilment as { photo?: unknown }).photo) : null
    return sha ? [sha] : []
  }
  return []
}

/**
 * True when a record's stored JSON text may name a photo. A cheap test before parsing:
 * a key `"sha256":"` cannot come from a user's text, whose quotes JSON escapes.
 */
export function mayNamePhotos(kind: RecordKind, json: string): boolean {
  return (kind === 'visit' || kind === 'wish') && json.includes('"sha256":"')
}
