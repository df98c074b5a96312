import { describe, expect, it } from 'vitest'
import {
  canSetCommunitySettings,
  CommunitySettingsFields,
  MAX_PHRASE_CHARS,
  MAX_PHRASES,
  MutationArgs,
  settingsFields,
  type CommunityDate,
} from '../../src/shared'

const date = (over: Partial<CommunityDate> = {}): CommunityDate => ({
  name: '社区邻里节',
  when: { kind: 'yearly', month: 9, day: 20 },
  groups: [],
  prepare: '提前一周通知各楼栋',
  ...over,
})
const fields = (over: Partial<CommunitySettingsFields> = {}): CommunitySettingsFields => ({ ...settingsFields(null), ...over })
const firstMessage = (input: unknown) => {
  const r = CommunitySettingsFields.safeParse(input)
  return r.success ? null : { path: r.error.issues[0]?.path.join('.'), message: r.error.issues[0]?.message }
}

describe('CommunitySettingsFields', () => {
  it('accepts phrase lists and dates within the limits, trimmed', () => {
    const parsed = CommunitySettingsFields.parse(fields({ seen: [' 老人精神很好 ', '家中整洁'], dates: [date(), date({ name: '健康体检', when: { kind: 'once', date: '2027-04-10' } })] }))
    expect(parsed.seen).toEqual(['老人精神很好', '家中整洁'])
    expect(parsed.dates).toHaveLength(2)
  })

  it('refuses an empty phrase with a Chinese message at its place', () => {
    expect(firstMessage(fields({ asked: ['想理发', '  '] }))).toEqual({ path: 'asked.1', message: '常用语不能为空' })
  })

  it(`refuses a phrase over ${MAX_PHRASE_CHARS} characters`, () => {
    expect(firstMessage(fields({ done: ['长'.repeat(MAX_PHRASE_CHARS + 1)] }))?.message).toBe(`每条常用语最多 ${MAX_PHRASE_CHARS} 个字`)
    expect(firstMessage(fields({ done: ['长'.repeat(MAX_PHRASE_CHARS)] }))).toBeNull()
  })

  it(`refuses more than ${MAX_PHRASES} phrases in one field`, () => {
    const many = Array.from({ length: MAX_PHRASES + 1 }, (_, i) => `常用语${i}`)
    expect(firstMessage(fields({ seen: many }))?.message).toBe(`每一栏最多 ${MAX_PHRASES} 条常用语`)
    expect(firstMessage(fields({ seen: many.slice(1) }))).toBeNull()
  })

  it('refuses a repeated phrase (also after trimming), naming the repeat', () => {
    expect(firstMessage(fields({ seen: ['家中整洁', '家中整洁 '] }))).toEqual({ path: 'seen.1', message: '这条常用语已经有了' })
  })

  it('refuses a date without a name, a day the month lacks, a long preparation and a repeat', () => {
    expect(firstMessage(fields({ dates: [date({ name: ' ' })] }))?.message).toBe('请填写日子的名称')
    expect(firstMessage(fields({ dates: [date({ when: { kind: 'yearly', month: 4, day: 31 } })] }))?.message).toBe('这个月没有这一天')
    expect(firstMessage(fields({ dates: [date({ prepare: '备'.repeat(61) })] }))?.message).toBe('要准备的最多 60 个字')
    expect(firstMessage(fields({ dates: [date(), date()] }))).toEqual({ path: 'dates.1', message: '同一天已经有这个日子了' })
    expect(firstMessage(fields({ dates: [date({ when: { kind: 'yearly', month: 2, day: 29 } })] }))).toBeNull()
  })

  it('is what the mutation checks, so the server refuses what the form refuses', () => {
    const args = { id: crypto.randomUUID(), gridId: crypto.randomUUID(), patch: { seen: ['a', 'a'] }, base: {} }
    expect(MutationArgs['communitySettings.put'].safeParse(args).success).toBe(false)
    expect(MutationArgs['communitySettings.put'].safeParse({ ...args, patch: { seen: ['a'] } }).success).toBe(true)
  })
})

describe('canSetCommunitySettings', () => {
  const community = 'c1'
  it('lets the supervisor and the admin of the community set them, nobody else', () => {
    expect(canSetCommunitySettings({ role: 'supervisor', communityId: community }, community)).toBe(true)
    expect(canSetCommunitySettings({ role: 'admin', communityId: community }, community)).toBe(true)
    expect(canSetCommunitySettings({ role: 'worker', communityId: community }, community)).toBe(false)
    expect(canSetCommunitySettings({ role: 'supervisor', communityId: 'c2' }, community)).toBe(false)
    expect(canSetCommunitySettings({ role: 'admin', communityId: null }, community)).toBe(false)
  })
})
