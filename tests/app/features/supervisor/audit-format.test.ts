import { describe, expect, it } from 'vitest'
import type { AuditItem } from '@/shared'
import { actionKey, auditSubject, sinceDays } from '@/features/supervisor/audit-format'

const item = (action: string, detail: Record<string, unknown>, userId: string | null = 'u-admin'): AuditItem => ({
  id: 1, at: '2026-12-07T02:00:00.000Z', userId, userName: '贺淑敏', username: 'demo-admin', action, detail,
})
const names = { 'u-wang': '王秀梅', 'u-zhang': '张丽娟' }
const kindName = (k: string) => ({ household: '户信息' })[k] ?? k

describe('audit-format', () => {
  it('names the account an admin acted on', () => {
    expect(auditSubject(item('user-disable', { targetId: 'u-wang' }), names, kindName)).toBe('王秀梅')
  })

  it('says which record was viewed and why', () => {
    const e = item('record-view', { recordKind: 'household', recordId: '0190a5d8-1234-7000', detail: '打开户页' })
    expect(auditSubject(e, names, kindName)).toBe('户信息 0190a5d8 · 打开户页')
  })

  it('names the new worker of a reassigned grid, and a failed login by its username and address', () => {
    expect(auditSubject(item('grid-assign', { gridId: 'g1', from: 'u-wang', to: 'u-zhang' }), names, kindName)).toBe('→ 张丽娟')
    expect(auditSubject(item('login-failed', { username: 'nobody', ip: '10.0.0.9' }, null), names, kindName)).toBe('nobody · 10.0.0.9')
  })

  it('falls back to the stored action when the dictionary has no name for it', () => {
    expect(actionKey('record-view', () => true)).toBe('supervisor.audit.action.record-view')
    expect(actionKey('something-new', () => false)).toBeNull()
  })

  it('turns a range of days into an instant, and none into all time', () => {
    expect(sinceDays(Date.parse('2026-12-07T00:00:00Z'), 7)).toBe('2026-11-30T00:00:00.000Z')
    expect(sinceDays(Date.now(), null)).toBeUndefined()
  })
})
