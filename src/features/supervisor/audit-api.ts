import { AuditListReply, type AuditQuery } from '@/shared'
import { createHttp, type HttpFailure } from '@/sync/http'

/**
 * The 审计日志 page's one call, `GET /api/audit` (online only: the log never travels to
 * a device). Through the sync client's HTTP door, like the workspace's other calls.
 */
export type AuditFilterInput = Partial<Omit<AuditQuery, 'limit'>> & { limit?: number }

export async function fetchAudit(
  o: { baseUrl?: string; fetch?: typeof fetch; getToken: () => string | null },
  filter: AuditFilterInput,
): Promise<{ ok: true; value: AuditListReply } | { ok: false; failure: HttpFailure }> {
  const http = createHttp({ baseUrl: o.baseUrl ?? '', fetch: o.fetch ?? ((input, init) => globalThis.fetch(input, init)), getToken: o.getToken })
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') params.set(k, String(v))
  const r = await http.send({ method: 'GET', path: `/api/audit?${params.toString()}`, schema: AuditListReply })
  if (!r.ok) return r
  return r.body ? { ok: true, value: r.body } : { ok: false, failure: { kind: 'server', status: 200, message: 'empty reply' } }
}
