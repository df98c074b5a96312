/**
 * Size bounds of what is stored and sent.
 *
 * Guarantees: no record is stored, on the phone or on the server, whose JSON is larger
 * than MAX_RECORD_BYTES in UTF-8 (both sides call `recordTooLarge` on what they write);
 * so a pull page of about 1 MB always holds at least one whole record, and one record
 * can never make a cheap phone's page or transaction balloon. The schemas bound each
 * field; this bounds their sum (text of control characters escapes to six bytes each).
 */
export const MAX_RECORD_BYTES = 64 * 1024

/** UTF-8 length of a string, without encoding it. */
export function utf8Bytes(s: string): number {
  let bytes = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    // Two bytes for U+0080..U+07FF, three above; a surrogate pair is four for two units.
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1
  }
  return bytes
}

/** True when a record (or the arguments of a write) serializes above the bound. */
export function recordTooLarge(value: unknown): boolean {
  return jsonTooLarge(JSON.stringify(value) ?? '')
}

/** `recordTooLarge` for JSON already written. */
export function jsonTooLarge(json: string): boolean {
  // Every UTF-16 unit is at most three bytes: most records need no counting at all.
  return json.length * 3 > MAX_RECORD_BYTES && utf8Bytes(json) > MAX_RECORD_BYTES
}
