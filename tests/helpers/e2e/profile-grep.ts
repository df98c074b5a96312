import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * Searches a browser profile directory, byte by byte, for strings: what a phone really
 * keeps on disk after the app thinks it deleted something. Chromium stores IndexedDB
 * strings as Latin-1 or UTF-16LE (V8's serializer) and other files as UTF-8, so each
 * string is looked for in all three encodings.
 */

export interface ProfileHit {
  file: string
  needle: string
}

function files(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    const st = statSync(path, { throwIfNoEntry: false })
    if (!st) continue
    if (st.isDirectory()) out.push(...files(path))
    else if (st.isFile()) out.push(path)
  }
  return out
}

function encodings(needle: string): Buffer[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]
  if ([...needle].every((c) => c.charCodeAt(0) <= 0xff)) forms.push(Buffer.from(needle, 'latin1'))
  return forms
}

/** Every (file, string) pair where the file holds the string in any encoding. */
export function grepProfile(dir: string, needles: string[]): ProfileHit[] {
  const hits: ProfileHit[] = []
  for (const file of files(dir)) {
    let bytes: Buffer
    try {
      bytes = readFileSync(file)
    } catch {
      continue // removed meanwhile (a live profile compacts its files)
    }
    for (const needle of needles) {
      if (encodings(needle).some((form) => bytes.includes(form))) hits.push({ file: relative(dir, file), needle })
    }
  }
  return hits
}
