import { defineStore } from 'pinia'
import { computed, effectScope, ref, shallowRef, type EffectScope } from 'vue'
import type { Community, PublicUser } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { i18n } from '@/i18n'
import { createSupervisorApi, type SupervisorApi } from './supervisor-api'
import { readCommunity, readDirectory, saveCommunity, saveDirectory, writeReview, writeReviews, type ReviewDecision } from './supervisor-repository'
import { useSupervisorSnapshot, type SupervisorSnapshotView } from './useSupervisorSnapshot'
import { recordAudit, type AuditInput } from './audit-repository'
import type { ReviewFilter } from './reports/review-queue'
import { buildMonthlyReport, type MonthlyReport } from './reports/monthly-report'
import { buildExportFile, saveBlob, type ExportKind } from './export/export-files'

/**
 * The supervisor's workspace state: one live snapshot of her device database shared by
 * every page, the community and its directory (names and phones), her decisions, and
 * exports. Pages compute their figures from the snapshot with the pure `reports/`.
 */

export interface SupervisorSession {
  db: GridSisterDb
  user: PublicUser
  getToken: () => string | null
  baseUrl?: string
  fetch?: typeof fetch
  /** Called after a decision is stored (the app nudges sync). */
  afterWrite?: () => void
}

export const useSupervisorStore = defineStore('supervisor', () => {
  const session = shallowRef<SupervisorSession | null>(null)
  const view = shallowRef<SupervisorSnapshotView | null>(null)
  const directory = shallowRef<PublicUser[]>([])
  const community = shallowRef<Community | null>(null)
  const api = shallowRef<SupervisorApi | null>(null)
  const error = ref<string | null>(null)
  /** The dashboard's clock (tests and screenshots pin it). */
  const clock = shallowRef<() => Date>(() => new Date())
  /** The review queue's filters, kept here so they survive opening a record and coming back. */
  const reviewFilter = ref<ReviewFilter>({ state: 'open' })
  let scope: EffectScope | null = null

  const state = computed(() => view.value?.state.value ?? 'loading')
  const snapshot = computed(() => view.value?.snapshot.value ?? null)
  const user = computed(() => session.value?.user ?? null)
  const isAdmin = computed(() => user.value?.role === 'admin')
  const workerNames = computed<Record<string, string>>(() => {
    const names: Record<string, string> = {}
    for (const v of snapshot.value?.visits ?? []) if (v.visitorName) names[v.visitorId] = v.visitorName
    for (const u of directory.value) names[u.id] = u.displayName
    return names
  })

  function requireSession(): SupervisorSession {
    if (!session.value) throw new Error('supervisor workspace not opened')
    return session.value
  }

  /** Opens the workspace for a signed-in supervisor or admin (idempotent per user). */
  async function open(s: SupervisorSession): Promise<void> {
    if (session.value?.db === s.db && session.value.user.id === s.user.id) return
    close()
    session.value = s
    api.value = createSupervisorApi({ baseUrl: s.baseUrl, fetch: s.fetch, getToken: s.getToken })
    scope = effectScope(true)
    view.value = scope.run(() => useSupervisorSnapshot({ db: s.db })) ?? null
    directory.value = await readDirectory(s.db)
    community.value = await readCommunity(s.db)
    void refreshDirectory()
  }

  function close(): void {
    scope?.stop()
    scope = null
    view.value = null
    session.value = null
    directory.value = []
    community.value = null
  }

  /** Fetches directory and community when online; keeps the cached ones otherwise. */
  async function refreshDirectory(): Promise<void> {
    const s = session.value
    if (!s || !api.value) return
    const [users, comm] = await Promise.all([api.value.directory(), api.value.community()])
    if (users.ok) {
      directory.value = users.value
      await saveDirectory(s.db, users.value)
    }
    if (comm.ok) {
      community.value = comm.value
      await saveCommunity(s.db, comm.value)
    }
  }

  const reviewer = () => ({ id: requireSession().user.id, name: requireSession().user.displayName })

  async function decide(d: ReviewDecision): Promise<void> {
    await writeReview(requireSession().db, d, reviewer())
    requireSession().afterWrite?.()
  }

  async function approveMany(ds: Omit<ReviewDecision, 'decision' | 'comment'>[]): Promise<void> {
    await writeReviews(requireSession().db, ds.map((d) => ({ ...d, decision: 'approved' as const, comment: '' })), reviewer())
    requireSession().afterWrite?.()
  }

  /** Queues an audit entry (view or export) through the outbox; never fails the caller's action. */
  async function audit(entry: AuditInput): Promise<void> {
    try {
      await recordAudit(requireSession().db, entry)
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  /** The monthly report of a month ('YYYY-MM'), from the device's data. */
  function monthlyReport(month?: string): MonthlyReport | null {
    const s = snapshot.value
    if (!s) return null
    return buildMonthlyReport({ ...s, workerNames: workerNames.value, now: clock.value(), month })
  }

  /** Builds, audits and downloads one export (masked: field-catalogue.ts). */
  async function exportFile(kind: ExportKind, month: string): Promise<string> {
    const report = monthlyReport(month)
    if (!report) throw new Error('no data yet')
    const locale = i18n.global.locale.value === 'en' ? 'en' : 'zh-CN'
    const file = await buildExportFile(kind, report, {
      t: (k, named) => (named ? i18n.global.t(k, named) : i18n.global.t(k)),
      locale, communityName: community.value?.name ?? '',
    })
    await audit({ action: 'export', recordKind: null, recordId: null, gridId: report.communityGridIds[0] ?? null, detail: `${kind} ${month} masked` })
    saveBlob(file)
    return file.name
  }

  return {
    session, state, snapshot, directory, community, user, isAdmin, workerNames, error, api, reviewFilter, clock,
    open, close, refreshDirectory, decide, approveMany, audit, monthlyReport, exportFile,
  }
})
