import { generateDemo, type DemoData } from '../../../sync-server/seed/generate-demo'

/** The fixed instant the seed tests generate the demo at (a Sunday morning in China). */
export const DEMO_NOW = new Date('2025-06-15T10:00:00+08:00')
export const DAY_MS = 24 * 60 * 60 * 1000

let cached: DemoData | null = null

/** The default-size demo at `DEMO_NOW`, generated once per test file. */
export function defaultDemo(): DemoData {
  cached ??= generateDemo({ now: DEMO_NOW })
  return cached
}

export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

/** Whole years between a birth date and `at`. */
export function ageAt(birthDate: string, at: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const cst = new Date(at.getTime() + 8 * 3600_000)
  const beforeBirthday = cst.getUTCMonth() + 1 < m || (cst.getUTCMonth() + 1 === m && cst.getUTCDate() < d)
  return cst.getUTCFullYear() - y - (beforeBirthday ? 1 : 0)
}
