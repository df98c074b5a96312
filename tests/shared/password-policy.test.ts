import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COMMON_PASSWORDS_8_PLUS } from '../../src/shared/common-passwords'
import { checkPassword, MIN_PASSWORD_LENGTH } from '../../src/shared/password-policy'

describe('checkPassword', () => {
  const problem = (password: string, username = 'wang-xiumei') => {
    const v = checkPassword(password, username)
    return v.ok ? null : v.problem
  }

  it('accepts a long uncommon password', () => {
    expect(checkPassword('青石巷口的老槐树', 'wang-xiumei')).toEqual({ ok: true })
    expect(problem('lamp-river-42-ochre')).toBeNull()
  })

  it('refuses passwords shorter than the minimum, counting characters as seen', () => {
    expect(problem('a'.repeat(MIN_PASSWORD_LENGTH - 1))).toBe('too-short')
    // Seven Chinese characters are 21 bytes of UTF-8 but still seven characters.
    expect(problem('一二三四五六七')).toBe('too-short')
  })

  it('refuses the common passwords the issue names, in any case', () => {
    for (const p of ['12345678', 'password', 'PASSWORD', 'Password1', 'qwertyuiop', 'iloveyou']) expect(problem(p), p).toBe('too-common')
  })

  it('refuses the username and passwords containing it', () => {
    expect(problem('wang-xiumei')).toBe('contains-username')
    expect(problem('WANG-XIUMEI-2026')).toBe('contains-username')
  })

  it('refuses the demo password and the product name', () => {
    expect(problem('gridsister-demo')).toBe('product-password')
    expect(problem('MyGridSister!')).toBe('product-password')
    expect(problem('格子姐姐的密码呀')).toBe('product-password')
  })

  it('gives a Chinese message for every refusal', () => {
    const v = checkPassword('12345678', 'someone')
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('the vendored common-password list', () => {
  const top10k = readFileSync('src/shared/data/common-passwords-top10k.txt', 'utf8').split('\n').filter(Boolean)

  it('holds 10,000 entries, most common first', () => {
    expect(top10k).toHaveLength(10_000)
    expect(top10k.slice(0, 3)).toEqual(['123456', 'password', '12345678'])
  })

  it('agrees with the generated module (every 8+ character entry, nothing else)', () => {
    const expected = new Set(top10k.map((p) => p.toLowerCase()).filter((p) => p.length >= MIN_PASSWORD_LENGTH))
    expect(new Set(COMMON_PASSWORDS_8_PLUS.split('\n'))).toEqual(expected)
  })

  it('is refused entry by entry', () => {
    const refused = [...new Set(COMMON_PASSWORDS_8_PLUS.split('\n'))].filter((p) => problemOf(p) === 'too-common')
    expect(refused.length).toBe(new Set(COMMON_PASSWORDS_8_PLUS.split('\n')).size)
  })
})

function problemOf(p: string) {
  const v = checkPassword(p, 'nobody-in-particular')
  return v.ok ? null : v.problem
}
