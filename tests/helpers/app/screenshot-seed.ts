/**
 * Page-side fixture for screenshots only (never bundled into the app): the shooting
 * script imports this module into a page served by `vite`, which opens a user
 * database and fills it through the real repositories, then shows a route.
 */
import { v7 as uuidv7 } from 'uuid'
import { openUserDb } from '@/db/db'
import { saveSession } from '@/features/auth/session-storage'
import type { KeyGroup } from '@/shared'
import { saveHousehold } from '@/features/households/households-repository'
import { savePerson } from '@/features/persons/persons-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { createWish, transitionWish } from '@/features/wishes/wishes-repository'
import { createAssessment } from '@/features/assessments/assessments-repository'

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = ['秀英', '桂兰', '建国', '玉兰', '志强', '淑珍', '红梅', '德华', '凤英', '国华', '丽娟', '春生']
const GROUPS: KeyGroup[][] = [['elderly-alone'], ['lost-only-child'], ['left-behind'], ['disabled'], [], [], ['serious-illness'], ['migrant-family'], [], ['single-parent']]

export async function seed(households = 40): Promise<{ firstId: string; visitId: string; wishId: string }> {
  const user = {
    id: '0190b000-0000-7000-8000-000000000001',
    username: 'limei',
    displayName: '李梅',
    role: 'worker' as const,
    communityId: null,
    gridIds: ['0190b000-0000-7000-8000-0000000000a1'],
  }
  const db = openUserDb(user.id)
  await db.delete()
  await db.open()
  saveSession({ token: 'screenshot', user, expiresAt: new Date(Date.now() + 86_400_000).toISOString() })
  const actor = { id: user.id, name: user.displayName, role: user.role }
  const now = Date.now()
  const ids: string[] = []
  let visitId = ''
  let wishId = ''
  for (let i = 0; i < households; i += 1) {
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]!
    const h = await saveHousehold(db, {
      gridId: user.gridIds[0]!,
      fields: {
        headName: name,
        address: { estate: i % 2 ? '黄龙小区' : '城东花园', building: `${(i % 8) + 1}栋`, unit: `${(i % 3) + 1}单元`, door: `${(i % 6) + 1}0${(i % 4) + 1}` },
        phone: `1380000${String(1000 + i)}`,
      },
    })
    ids.push(h.id)
    const birth = new Date(now + (i % 9) * 86_400_000)
    const md = `${String(birth.getMonth() + 1).padStart(2, '0')}-${String(birth.getDate()).padStart(2, '0')}`
    await savePerson(db, { householdId: h.id, fields: { name, sex: i % 3 ? 'F' : 'M', birthDate: `${1940 + (i % 30)}-${md}`, keyGroups: GROUPS[i % GROUPS.length]!, phone: '' } })
    if (i % 4 === 0) {
      await savePerson(db, { householdId: h.id, fields: { name: SURNAMES[(i + 3) % SURNAMES.length]! + '小明', sex: 'M', birthDate: '2015-09-01', relation: 'grandchild', keyGroups: i % 8 === 0 ? ['left-behind'] : [] } })
    }
    if (i % 3 !== 0) {
      const v = await createVisit(db, {
        householdId: h.id,
        visitedAt: new Date(now - ((i * 7) % 50) * 86_400_000).toISOString(),
        method: i % 2 ? 'in-person' : 'phone',
        seen: '老人身体尚可，屋内整洁，情绪稳定',
        asked: i % 2 ? '希望有人帮忙买菜' : '',
        done: '讲解了养老保险和医疗报销政策',
        policies: ['pension-insurance', 'medical-reimbursement'],
        nextVisitOn: null,
      }, actor)
      if (!visitId) visitId = v.id
    }
    if (i % 5 === 1) {
      const w = await createWish(db, { householdId: h.id, title: ['上门理发', '修水龙头', '辅导孩子作业', '陪同就医', '找一份保洁工作'][(i >> 2) % 5]!, detail: '', category: (['care', 'repair', 'study', 'health', 'job'] as const)[(i >> 2) % 5]! }, actor)
      if (!wishId) wishId = w.id
      if (i % 10 === 1) await transitionWish(db, { id: w.id, to: 'claimed', claimedBy: { name: '爱心理发店', kind: 'shop', phone: '' }, fulfilment: null, closedReason: null, note: '' }, actor)
    }
  }
  await createAssessment(db, { householdId: ids[1]!, templateId: 'needs-v1', assessedAt: new Date(now - 3 * 86_400_000).toISOString(), answers: { health: { level: 2, notes: '高血压，需定期测量', extra: {} } } }, actor)
  await db.reviews.put({ id: uuidv7(), recordKind: 'visit', recordId: visitId, gridId: user.gridIds[0]!, state: 'returned', comment: '请补充老人用药情况', reviewerId: uuidv7(), reviewerName: '张主席', reviewedAt: new Date().toISOString(), resubmittedBy: null })
  return { firstId: ids[1]!, visitId, wishId }
}
