import { describe, expect, it } from 'vitest'
import { RecordValidationError } from '@/db/outbox-repository'
import { useSaveAction } from '@/composables/useSaveAction'
import { withI18n } from '../../helpers/app/with-i18n'

describe('useSaveAction', () => {
  it('turns validation issues into one clear message per field, nested paths included', async () => {
    const save = withI18n(useSaveAction)
    const out = await save.run(async () => {
      throw new RecordValidationError([
        { path: 'headName', message: 'name is required' },
        { path: 'claimedBy.phone', message: 'invalid phone number' },
        { path: 'answers.health.level', message: 'Too big' },
      ])
    })
    expect(out).toBeUndefined()
    expect(save.state.value).toBe('invalid')
    expect(save.errorOf('headName')).toBe('请填写户主姓名')
    expect(save.errorOf('claimedBy.phone')).toContain('11 位手机号')
    expect(save.errorOf('answers.health.level')).toBe('请选择需求程度')
    expect(save.message.value).toMatch(/^有 3 处需要修改：请填写户主姓名；/)
  })

  it("words a shared write check's refusal by its code, whatever field it names", async () => {
    const save = withI18n(useSaveAction)
    await save.run(async () => {
      throw new RecordValidationError([
        { path: 'idNumber', message: 'the check digit of the ID number is wrong', code: 'id-check-digit' },
        { path: 'visitedAt', message: 'the time is in the future', code: 'time-in-future' },
      ])
    })
    expect(save.errorOf('idNumber')).toBe('身份证号校验位不对，请逐位核对')
    expect(save.errorOf('visitedAt')).toBe('时间不能晚于现在')
  })

  it('reports other failures as a save failure and clears them on the next success', async () => {
    const save = withI18n(useSaveAction)
    await save.run(async () => {
      throw new Error('QuotaExceededError')
    })
    expect(save.state.value).toBe('error')
    expect(save.message.value).toBe('保存失败：QuotaExceededError')
    expect(await save.run(async () => 42)).toBe(42)
    expect(save.state.value).toBe('saved')
    expect(save.message.value).toBe('')
  })
})
