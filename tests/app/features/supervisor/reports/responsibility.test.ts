import { describe, expect, it } from 'vitest'
import { responsibilityCards } from '@/features/supervisor/reports/responsibility'
import { grid, household } from '../factories'

describe('responsibilityCards', () => {
  it('counts households and key groups per grid, lists buildings per estate, and finds the worker', () => {
    const g = grid({ estates: ['幸福小区', '和平里'], workerId: 'w1' })
    const at = (estate: string, building: string) => ({ estate, building, unit: '', door: '' })
    const hs = [
      household({ gridId: g.id, address: at('幸福小区', '10栋'), keyGroups: ['disabled', 'hardship'] }),
      household({ gridId: g.id, address: at('幸福小区', '2栋'), keyGroups: ['disabled'] }),
      household({ gridId: g.id, address: at('新建小区', '1栋') }),
      household({ gridId: g.id, address: at('幸福小区', '9栋'), deleted: true, keyGroups: ['hardship'] }),
    ]
    const users = [{ id: 'w1', username: 'w1', displayName: '王秀梅', role: 'worker' as const, communityId: null, gridIds: [g.id], phone: '15891163047' }]
    const [card] = responsibilityCards([g], hs, users)
    expect(card).toMatchObject({ households: 3, keyHouseholds: 2, byKeyGroup: { disabled: 2, hardship: 1 } })
    expect(card!.worker?.displayName).toBe('王秀梅')
    expect(card!.buildings).toEqual([
      { estate: '幸福小区', buildings: ['2栋', '10栋'] },
      { estate: '和平里', buildings: [] },
      { estate: '新建小区', buildings: ['1栋'] },
    ])
  })

  it('leaves the worker empty for an unassigned grid or an unknown account', () => {
    expect(responsibilityCards([grid()], [], [])[0]!.worker).toBeNull()
    expect(responsibilityCards([grid({ workerId: 'gone' })], [], [])[0]!.worker).toBeNull()
  })
})
