import { createSeedRandom, type SeedRandom } from '../seed/seed-random'
import { givenName, idNumber, LOCAL_REGION, mobile, surname, type Sex } from '../seed/demo-names'
import type { RegisterHousehold, RegisterPerson } from './roster-write'

/**
 * Synthetic registers (no real person in them) for the demo's sample file and the import
 * benchmark, written with the spellings offices use side by side: three date spellings,
 * phones with spaces or dashes, key groups as free-text synonyms.
 */

const GROUP_WORDS = ['', '', '', '', '独居老人', '空巢老人', '孤寡老人', '残疾人', '肢体残疾二级', '待业', '失业', '求职', '低保户', '留守儿童', '单亲家庭', '进城务工']

function born(rng: SeedRandom, year: number): { iso: string; written: string } {
  const m = rng.int(1, 12)
  const d = rng.int(1, 28)
  const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  const written = rng.pick([iso.replace(/-/g, '.'), `${year}年${m}月${d}日`, `${year}-${m}-${d}`])
  return { iso, written }
}

function person(rng: SeedRandom, family: string, relation: string, sex: Sex, year: number): RegisterPerson {
  const b = born(rng, year)
  const phone = year < 2008 && rng.chance(0.7) ? mobile(rng) : ''
  return {
    name: (relation === '配偶' ? surname(rng) : family) + givenName(rng, sex, year),
    relation, sex: sex === 'F' ? '女' : '男', born: b.written, id: idNumber(rng, LOCAL_REGION, b.iso, sex),
    phone: phone && rng.chance(0.3) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone,
    groups: rng.pick(GROUP_WORDS),
  }
}

/** `count` households spread over the estates, buildings numbered from `firstBuilding`. */
export function syntheticRegister(seed: number, estates: readonly string[], count: number, firstBuilding = 1): RegisterHousehold[] {
  const rng = createSeedRandom(seed)
  const out: RegisterHousehold[] = []
  for (let i = 0; i < count; i++) {
    const slot = Math.floor(i / estates.length)
    const family = surname(rng)
    const headYear = rng.int(1940, 1995)
    const headSex: Sex = rng.chance(0.5) ? 'F' : 'M'
    const persons = [person(rng, family, '户主', headSex, headYear)]
    if (rng.chance(0.7)) persons.push(person(rng, family, '配偶', headSex === 'F' ? 'M' : 'F', headYear + rng.int(-3, 3)))
    for (let c = rng.int(0, 2); c > 0 && headYear > 1950; c--) {
      const sex: Sex = rng.chance(0.5) ? 'F' : 'M'
      persons.push(person(rng, family, sex === 'F' ? '女儿' : '儿子', sex, Math.min(2024, headYear + rng.int(22, 32))))
    }
    out.push({
      estate: estates[i % estates.length] as string,
      building: String(firstBuilding + Math.floor(slot / 36)), unit: String(1 + (Math.floor(slot / 12) % 3)),
      door: `${1 + (Math.floor(slot / 2) % 6)}0${1 + (slot % 2)}`, persons,
    })
  }
  return out
}
