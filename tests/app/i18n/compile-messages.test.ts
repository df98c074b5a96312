import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { compileMessage, compileMessages } from '@/i18n/compile-messages'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { i18n, loadLocaleMessages } from '@/i18n'
import { authMessages } from '@/features/auth/auth-messages'
import { pwaMessages } from '@/features/pwa/pwa-messages'
import { syncMessages } from '@/features/sync/sync-messages'
import { supervisorMessages } from '@/features/supervisor/i18n/messages'
import supervisorZh from '@/features/supervisor/i18n/zh-CN'
import supervisorEn from '@/features/supervisor/i18n/en'

function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  )
}

/** Every placeholder of a message given a value, so both compilers fill every slot. */
function params(source: string): Record<string, string | number> {
  return Object.fromEntries([...source.matchAll(/\{(\w+)\}/g)].map((m, i) => [m[1] as string, i % 2 ? 42 : `«${m[1]}»`]))
}

describe('compileMessages', () => {
  it("renders every message of the app exactly as vue-i18n's own compiler does", () => {
    const compiled = [authMessages, pwaMessages, syncMessages].flatMap((set) => leaves(set))
    const raw = [
      ...[zhCN, en, supervisorZh, supervisorEn].flatMap((t) => leaves(t)),
      // The feature-local sets are compiled where they are defined: each function keeps its source.
      ...compiled.map(([key, fn]) => [key, (fn as { source: string }).source] as [string, unknown]),
    ].filter((l): l is [string, string] => typeof l[1] === 'string')
    expect(raw.length).toBe(leaves(zhCN).length + leaves(en).length + leaves(supervisorZh).length + leaves(supervisorEn).length + compiled.length)
    const reference = createI18n({ legacy: false, locale: 'x', messages: { x: Object.fromEntries(raw.map(([, s], i) => [`m${i}`, s])) } })
    raw.forEach(([key, source], i) => {
      const values = params(source)
      const ours = compileMessage(source)
      const mine = createI18n({ legacy: false, locale: 'x', messages: { x: { m: ours } } })
      expect(mine.global.t('m', values), key).toBe(reference.global.t(`m${i}`, values))
    })
  })

  it('leaves no string uncompiled in any message set the app hands to vue-i18n', async () => {
    await loadLocaleMessages('en')
    expect(i18n.global.availableLocales).toContain('en')
    for (const set of [i18n.global.getLocaleMessage('zh-CN'), i18n.global.getLocaleMessage('en'), authMessages, pwaMessages, syncMessages, supervisorMessages]) {
      const strings = leaves(set).filter(([, v]) => typeof v !== 'function')
      expect(strings).toEqual([])
    }
  })

  it('throws on vue-i18n syntax it does not support', () => {
    for (const source of ['one | many', 'see @:common.save', 'item {0}', "a {'{'} brace", 'open { brace']) {
      expect(() => compileMessage(source), source).toThrow(/unsupported message syntax/)
    }
    expect(() => compileMessages({ ok: '{n} 天', nested: { bad: 'a | b' } })).toThrow()
  })
})
