import { randomUUID } from 'node:crypto'
import type { Grid, Household, Person } from '../../src/shared'
import type { RosterMapping, RosterReport } from '../../src/shared/roster-api'
import type { Store, StoreOps } from '../storage/store'
import { findHeader, guessMapping } from './roster-header'
import { RosterIndex } from './roster-match'
import { planRoster, type RosterPlan } from './roster-plan'
import { cellText } from './roster-cells'
import type { Cell } from './roster-read'
import { recordsOfPlan } from './roster-records'
import { readPersonRows } from './roster-rows'

/**
 * A roster import, from read cells to a report: find the header, read the rows, match
 * them with what the community already stores, then (unless a dry run) write every new
 * household and person in ONE transaction that holds the community's change counter,
 * so the import and concurrent pushes are serialized and a failure stores nothing.
 * mode 'all' writes only when no row has an error; 'clean' writes the rows without one.
 */

export interface RosterRun {
  communityId: string
  fileName: string
  cells: Cell[][]
  mapping?: RosterMapping
  mode: 'all' | 'clean'
  dryRun: boolean
  /** Server HLC and wall clock of the import. */
  hlc: () => string
  now: number
}

export async function runRoster(store: Store, run: RosterRun): Promise<RosterReport> {
  const grids = await store.listGrids({ communityId: run.communityId })
  if (run.dryRun) return planAndReport(store, run, grids).then((r) => r.report)
  return store.transaction(async (tx) => {
    await tx.lockCommunities([run.communityId])
    const { report, plan } = await planAndReport(tx, run, grids)
    const blocked = report.rows === 0 || (run.mode === 'all' && report.errorRows > 0)
    if (blocked) return report
    const records = recordsOfPlan(plan.households, { hlc: run.hlc(), at: new Date(run.now).toISOString(), communityId: run.communityId })
    if (records.length > 0) await tx.putRecords(records)
    return { ...report, imported: true }
  })
}

async function planAndReport(ops: StoreOps, run: RosterRun, grids: Grid[]): Promise<{ report: RosterReport; plan: RosterPlan }> {
  const found = findHeader(run.cells)
  const headerIndex = found?.headerIndex ?? Math.max(0, run.cells.findIndex((r) => r.some((c) => cellText(c) !== '')))
  const columns = found?.columns ?? (run.cells[headerIndex] ?? []).map(cellText)
  const mapping = run.mapping ?? found?.mapping ?? guessMapping(columns)
  const estates = grids.flatMap((g) => g.estates)
  const today = new Date(run.now).toISOString().slice(0, 10)
  const rows = mapping.name === undefined ? [] : readPersonRows(run.cells.slice(headerIndex + 1), headerIndex + 2, { mapping, estates, today })
  const plan = planRoster(rows, grids, await storedIndex(ops, grids), randomUUID)
  if (mapping.name === undefined) plan.problems.push({ line: headerIndex + 1, severity: 'error', field: 'name', message: '没有找到“姓名”列：请在列对应里选择哪一列是姓名' })
  const names = new Map(grids.map((g) => [g.id, g.name]))
  const perGrid = new Map<string, { households: number; persons: number }>()
  for (const h of plan.households) {
    const g = perGrid.get(h.gridId) ?? { households: 0, persons: 0 }
    g.households += h.create ? 1 : 0
    g.persons += h.members.length
    perGrid.set(h.gridId, g)
  }
  const report: RosterReport = {
    fileName: run.fileName, columns, mapping, headerLine: headerIndex + 1, rows: rows.length,
    errorRows: new Set(plan.problems.filter((p) => p.severity === 'error').map((p) => p.line)).size,
    households: { create: plan.households.filter((h) => h.create).length, existing: plan.existingHouseholds },
    persons: { create: plan.households.reduce((n, h) => n + h.members.length, 0), existing: plan.existingPersons },
    perGrid: [...perGrid].map(([gridId, c]) => ({ gridId, gridName: names.get(gridId) ?? '', ...c })),
    problems: plan.problems, imported: false,
  }
  return { report, plan }
}

async function storedIndex(ops: StoreOps, grids: Grid[]): Promise<RosterIndex> {
  const ids = grids.map((g) => g.id)
  const households = (await ops.listGridRecords(ids, 'household')).map((r) => r.data as Household).filter((h) => !h.deleted)
  const persons = (await ops.listGridRecords(ids, 'person')).map((r) => r.data as Person).filter((p) => !p.deleted)
  return new RosterIndex(households, persons)
}
