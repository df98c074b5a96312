/**
 * The one source of randomness of the demo generator.
 *
 * Guarantee: everything drawn here is a pure function of the seed and of the order of
 * the calls, so `generateDemo` with the same options returns byte-identical data. The
 * faker instance (zh_CN names) and the helpers share one Mersenne Twister, and ids are
 * UUIDv7 strings whose timestamp is the record's own time and whose random bits come
 * from the same stream (never from `crypto`), so they are stable too.
 */
import { Faker, base, en, generateMersenne53Randomizer, zh_CN } from '@faker-js/faker'

export interface SeedRandom {
  faker: Faker
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** A float in [min, max). */
  float(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by weight: `[[item, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T
  /** Up to `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[]
  /** A UUIDv7-shaped id whose timestamp is `ms`. */
  uuid(ms: number): string
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')

export function createSeedRandom(seed: number): SeedRandom {
  const randomizer = generateMersenne53Randomizer(seed)
  const faker = new Faker({ locale: [zh_CN, en, base], randomizer })
  const next = () => randomizer.next()
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }
  return {
    faker,
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted<T>(choices: readonly (readonly [T, number])[]): T {
      const total = choices.reduce((s, [, w]) => s + w, 0)
      let r = next() * total
      for (const [item, w] of choices) {
        r -= w
        if (r < 0) return item
      }
      return pick(choices)[0]
    },
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = [...items]
      const out: T[] = []
      while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0] as T)
      return out
    },
    uuid(ms: number): string {
      // RFC 9562 layout: 48-bit ms | ver 7 + 12 random bits | variant 10 + 62 random bits.
      const t = hex(Math.max(0, Math.floor(ms)), 12)
      const randA = hex(int(0, 0xfff), 3)
      const variant = hex(0x8000 | int(0, 0x3fff), 4)
      const tail = hex(int(0, 0xffffff), 6) + hex(int(0, 0xffffff), 6)
      return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${randA}-${variant}-${tail}`
    },
  }
}
