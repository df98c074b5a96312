import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { Household, Person } from '../../../src/shared'
import { readRoster } from '../../../sync-server/import/roster-read'
import { runRoster, type RosterRun } from '../../../sync-server/import/roster-service'
import { writeRegisterCsv, writeRegisterXlsx } from '../../../sync-server/import/roster-write'
import { BACKENDS } from '../../helpers/server/backends'
import { nextHlc } from '../../helpers/server/factories'
import { messyRegister } from '../../helpers/server/roster-messy'
import { useWorldStore } from '../../helpers/server/world'

describe.each(BACKENDS)('roster import on $name', (backend) => {
  const t = useWorldStore(backend)
  const NOW = Date.UTC(2026, 11, 7)

  async function withEstates() {
    await t.store.updateGrid({ ...t.world.grids.a1, estates: ['幸福小区'] })
    await t.store.updateGrid({ ...t.world.grids.a2, estates: ['和平里'] })
  }
  async function run(fileName: string, bytes: Buffer, over: Partial<RosterRun> = {}) {
    const cells = await readRoster(fileName, bytes)
    return runRoster(t.store, { communityId: t.world.communityA, fileName, cells, mode: 'all', dryRun: false, hlc: () => nextHlc('server'), now: NOW, ...over })
  }
  const stored = async <T>(gridId: string, kind: 'household' | 'person') => (await t.store.listGridRecords([gridId], kind)).map((r) => r.data as T)

  it('reports every problem of a messy register in Chinese and stores nothing in mode all', async () => {
    await withEstates()
    const report = await run('台账.xlsx', await writeRegisterXlsx(messyRegister(), { blankRows: 2 }))
    expect(report).toMatchObject({ headerLine: 2, rows: 7, errorRows: 2, imported: false })
    const errors = report.problems.filter((p) => p.severity === 'error')
    expect(errors.map((p) => [p.line, p.field])).toEqual([[6, 'idNumber'], [9, 'address']])
    expect(errors[0]?.message).toContain('存成了数字')
    expect(errors[1]?.message).toContain('无名小区')
    const warnings = report.problems.filter((p) => p.severity === 'warning').map((p) => p.message)
    expect(warnings.join()).toMatch(/会跳舞.*|12345/)
    expect(await t.store.listGridRecords([t.world.grids.a1.id, t.world.grids.a2.id], 'person')).toEqual([])
  })

  it('imports the clean rows with dates, phones, synonyms and merged addresses read right', async () => {
    await withEstates()
    const report = await run('台账.xlsx', await writeRegisterXlsx(messyRegister()), { mode: 'clean' })
    expect(report).toMatchObject({ imported: true, households: { create: 3, existing: 0 }, persons: { create: 5, existing: 0 } })
    expect(report.perGrid.map((g) => [g.gridName, g.households, g.persons]).sort()).toEqual([['a1', 2, 4], ['a2', 1, 1]])
    const persons = new Map((await stored<Person>(t.world.grids.a1.id, 'person')).map((p) => [p.name, p]))
    expect(persons.get('王秀英')).toMatchObject({ birthDate: '1952-03-04', phone: '13800138000', keyGroups: ['elderly-alone'], relation: 'self', sex: 'F' })
    expect(persons.get('李建国')).toMatchObject({ birthDate: '1950-05-06', phone: '0731-88886666', keyGroups: ['disabled'], relation: 'spouse' })
    expect(persons.get('张小明')).toMatchObject({ birthDate: '2020-01-01', relation: 'child', keyGroups: ['left-behind'] })
    expect(persons.get('张伟')).toMatchObject({ birthDate: '1980-01-02', phone: '13907310000', keyGroups: ['unemployed'], relation: 'self' })
    expect(persons.has('李娜')).toBe(false)
    const households = await stored<Household>(t.world.grids.a1.id, 'household')
    expect(households.map((h) => h.address).sort((a, b) => a.building.localeCompare(b.building))).toEqual([
      { estate: '幸福小区', building: '3栋', unit: '2单元', door: '301' },
      { estate: '幸福小区', building: '5栋', unit: '1单元', door: '502' },
    ])
    const [liu] = await stored<Person>(t.world.grids.a2.id, 'person')
    expect(liu).toMatchObject({ keyGroups: ['hardship', 'elderly-alone'], phone: '' })
    expect(liu?.notes).toContain('会跳舞')
    // The records are in the change log: a worker's pull of the grid receives them.
    expect((await t.store.changesForGrid(t.world.grids.a1.id, 0, 100)).length).toBe(6)
  })

  it('creates nothing new when the same register is imported again', async () => {
    await withEstates()
    const file = await writeRegisterXlsx(messyRegister())
    await run('台账.xlsx', file, { mode: 'clean' })
    const again = await run('台账.xlsx', file, { mode: 'clean' })
    expect(again).toMatchObject({ households: { create: 0, existing: 3 }, persons: { create: 0, existing: 5 } })
    expect((await t.store.changesForGrid(t.world.grids.a1.id, 0, 100)).length).toBe(6)
  })

  it('reads a GBK CSV and a UTF-8 CSV with BOM the same way, blank address rows joining the household above', async () => {
    await withEstates()
    const csv = writeRegisterCsv(messyRegister())
    const gbk = await run('台账.csv', iconv.encode(csv, 'gbk'), { dryRun: true })
    const bom = await run('台账.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), { dryRun: true })
    for (const r of [gbk, bom]) {
      expect(r).toMatchObject({ headerLine: 2, rows: 7, households: { create: 3 }, persons: { create: 5 }, imported: false })
      expect(r.columns).toContain('身份证号')
    }
  })

  it('holds back a new household whose 户主 row has an error, instead of giving it a wrong head', async () => {
    await withEstates()
    const register = messyRegister()
    register[1]!.persons[0]!.id = Number('430102198001020000')
    const report = await run('台账.xlsx', await writeRegisterXlsx(register), { mode: 'clean' })
    expect(report).toMatchObject({ imported: true, households: { create: 2 }, persons: { create: 3 } })
    const heldBack = report.problems.filter((p) => p.line === 7)
    expect(heldBack.map((p) => p.message)).toEqual(['户主（第 5 行）有错误，本户暂不导入：改正户主这一行后再导入'])
    expect((await stored<Household>(t.world.grids.a1.id, 'household')).map((h) => h.headName)).toEqual(['王秀英'])
  })

  it('flags an ID a CSV export wrote in scientific notation and an ID with a wrong check digit', async () => {
    await withEstates()
    const register = messyRegister().slice(0, 1)
    register[0]!.persons[0]!.id = '4.30102E+17'
    register[0]!.persons[1]!.id = '430102195005060000'
    const report = await run('台账.csv', Buffer.from(writeRegisterCsv(register)), { dryRun: true })
    expect(report.problems.filter((p) => p.field === 'idNumber').map((p) => p.line)).toEqual([3, 4])
  })
})
