import { afterEach, describe, expect, it } from 'vitest'
import { deleteDraft, getDraft, listDrafts, putDraft } from '@/db/drafts-repository'
import type { GridSisterDb } from '@/db/db'
import { makeDb } from '../../helpers/app/factories'

describe('drafts-repository', () => {
  let db: GridSisterDb
  afterEach(() => db?.close())
  const info = (title: string) => ({ form: 'visit' as const, route: '/households/h1/visits/new', title })

  it("keeps one draft per form and user, lists only hers, newest first", async () => {
    db = makeDb()
    await putDraft(db, 'u1', 'visit:h1', info('王秀英'), { seen: '一' }, new Date('2026-12-07T01:00:00Z'))
    await putDraft(db, 'u1', 'visit:h1', info('王秀英'), { seen: '一二' }, new Date('2026-12-07T01:05:00Z'))
    await putDraft(db, 'u1', 'wish:h2', { ...info('李建国'), form: 'wish' }, { title: '理发' }, new Date('2026-12-07T01:10:00Z'))
    await putDraft(db, 'u2', 'visit:h1', info('别人的'), { seen: 'x' })
    const mine = await listDrafts(db, 'u1')
    expect(mine.map((d) => [d.form, d.title])).toEqual([['wish', '李建国'], ['visit', '王秀英']])
    expect((await getDraft(db, 'u1', 'visit:h1'))?.value).toEqual({ seen: '一二' })
    expect((await getDraft(db, 'u2', 'visit:h1'))?.value).toEqual({ seen: 'x' })
  })

  it('forgets a draft on delete', async () => {
    db = makeDb()
    await putDraft(db, 'u1', 'visit:h1', info('王秀英'), { seen: '一' })
    expect(await getDraft(db, 'u1', 'visit:h1')).toBeDefined()
    await deleteDraft(db, 'u1', 'visit:h1')
    expect(await getDraft(db, 'u1', 'visit:h1')).toBeUndefined()
  })
})
