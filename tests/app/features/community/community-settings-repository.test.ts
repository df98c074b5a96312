import { describe, expect, it } from 'vitest'
import { RecordValidationError } from '@/db/outbox-repository'
import { communityDates, communityPhrases, getCommunitySettings, saveCommunitySettings } from '@/features/community/community-settings-repository'
import { makeDb } from '../../../helpers/app/factories'

const COMMUNITY = '0190a000-0000-7000-8000-0000000000cc'

describe('community-settings-repository', () => {
  it('reads empty lists before any settings arrived', async () => {
    const db = makeDb()
    expect(await communityPhrases(db, 'seen')).toEqual([])
    expect(await communityDates(db)).toEqual([])
  })

  it('saves the lists that changed with one mutation under the community, and reads them back in order', async () => {
    const db = makeDb()
    await saveCommunitySettings(db, COMMUNITY, { seen: ['老人精神很好', '家中整洁'], asked: ['想理发'] })
    expect(await communityPhrases(db, 'seen')).toEqual(['老人精神很好', '家中整洁'])
    expect(await communityPhrases(db, 'asked')).toEqual(['想理发'])
    expect(await communityPhrases(db, 'done')).toEqual([])
    await saveCommunitySettings(db, COMMUNITY, { seen: ['家中整洁', '老人精神很好'], asked: ['想理发'] })
    const outbox = (await db.outbox.orderBy('seq').toArray()).map((r) => r.mutation)
    expect(outbox.map((m) => m.name)).toEqual(['communitySettings.put', 'communitySettings.put'])
    // The second save changed one list: only it travels, with the HLC it was made on top of.
    expect(outbox[1]?.args).toMatchObject({ id: COMMUNITY, gridId: COMMUNITY, patch: { seen: ['家中整洁', '老人精神很好'] } })
    expect(Object.keys((outbox[1]?.args as { patch: object }).patch)).toEqual(['seen'])
  })

  it('refuses a list over the limits with the Chinese reason and saves nothing', async () => {
    const db = makeDb()
    const error = await saveCommunitySettings(db, COMMUNITY, { done: ['已上报', '已上报'] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RecordValidationError)
    expect((error as RecordValidationError).issues[0]).toMatchObject({ path: 'done.1', message: '这条常用语已经有了' })
    expect(await db.outbox.count()).toBe(0)
    expect(await getCommunitySettings(db)).toEqual({ seen: [], asked: [], done: [], dates: [] })
  })
})
