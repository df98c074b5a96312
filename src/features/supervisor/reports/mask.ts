/**
 * Masking of personal numbers in exports and on shared screens: names stay, phone and
 * ID numbers are masked unless an admin exports in full (and that export is audited).
 * Phones keep the first 3 and last 4 digits (138****1234); ID numbers the first 4 and
 * last 4 (4301**********1234); shorter numbers keep only their last 2 characters.
 */

/** Masks a phone number; spaces and dashes are dropped first. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/[\s-]/g, '')
  if (!p) return ''
  if (p.length >= 11) return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`
  return `${'*'.repeat(Math.max(0, p.length - 2))}${p.slice(-2)}`
}

/** Masks a resident ID number (18 characters in mainland China). */
export function maskIdNumber(id: string): string {
  const s = id.trim()
  if (!s) return ''
  if (s.length >= 15) return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`
  return `${'*'.repeat(Math.max(0, s.length - 2))}${s.slice(-2)}`
}
