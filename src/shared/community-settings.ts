import { lazySchema, z } from './zod'
import { HLC_PATTERN } from './hlc'
import { KeyGroup } from './vocab'

/**
 * The community's own settings, set by its supervisor and pulled by every worker and
 * supervisor of that community (docs/sync.md, "Rules per record kind"): the common
 * phrases (常用语) of the visit form's three text fields, and the community's own dates
 * for the care calendar (社区邻里节, a 敬老 day, the annual health check).
 *
 * One record per community, its id the community's id. Its `gridId` is the community's
 * id too: the server keeps records of the community as a whole under the community where
 * a grid's records are kept under the grid. Each list is one field merged on its own HLC,
 * like a household's fields.
 *
 * The limits below are checked by this schema on the phone before a save and by the
 * server on every push; their messages are the Chinese sentences the form shows.
 */

/** The visit form's text fields that have common phrases. */
export const PHRASE_FIELDS = ['seen', 'asked', 'done'] as const
export type PhraseField = (typeof PHRASE_FIELDS)[number]

export const MAX_PHRASES = 40
export const MAX_PHRASE_CHARS = 30
export const MAX_COMMUNITY_DATES = 30
export const MAX_DATE_NAME_CHARS = 20
export const MAX_PREPARE_CHARS = 60

/** Adds an issue at each entry whose key was already seen earlier in the list. */
function refuseRepeats<T>(list: T[], key: (item: T) => string, message: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  list.forEach((item, i) => {
    const k = key(item)
    if (seen.has(k)) ctx.addIssue({ code: 'custom', message, path: [i], input: item })
    seen.add(k)
  })
}

const Phrase = z
  .string()
  .trim()
  .min(1, '常用语不能为空')
  .max(MAX_PHRASE_CHARS, `每条常用语最多 ${MAX_PHRASE_CHARS} 个字`)

export const PhraseList = lazySchema(() =>
  z
    .array(Phrase)
    .max(MAX_PHRASES, `每一栏最多 ${MAX_PHRASES} 条常用语`)
    .superRefine((list, ctx) => refuseRepeats(list, (p) => p, '这条常用语已经有了', ctx)),
)

/** 2 月 29 日 is allowed: in other years it is kept on 2 月 28 日 (like a birthday). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export const CommunityDateWhen = lazySchema(() =>
  z.discriminatedUnion('kind', [
    /** Every year on this solar month and day. */
    z
      .object({ kind: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
      .refine((w) => w.day <= (DAYS_IN_MONTH[w.month - 1] ?? 31), { message: '这个月没有这一天', path: ['day'] }),
    /** Once, on this date. */
    z.object({ kind: z.literal('once'), date: z.iso.date('请选择日期') }),
  ]),
)
export type CommunityDateWhen = z.infer<typeof CommunityDateWhen>

export const CommunityDate = lazySchema(() =>
  z.object({
    name: z.string().trim().min(1, '请填写日子的名称').max(MAX_DATE_NAME_CHARS, `名称最多 ${MAX_DATE_NAME_CHARS} 个字`),
    when: CommunityDateWhen,
    /** The key groups it is for; empty: every household. */
    groups: z.array(KeyGroup).max(9),
    prepare: z.string().trim().max(MAX_PREPARE_CHARS, `要准备的最多 ${MAX_PREPARE_CHARS} 个字`),
  }),
)
export type CommunityDate = z.infer<typeof CommunityDate>

const whenKey = (w: CommunityDateWhen) => (w.kind === 'yearly' ? `${w.month}-${w.day}` : w.date)

export const CommunityDates = lazySchema(() =>
  z
    .array(CommunityDate)
    .max(MAX_COMMUNITY_DATES, `社区日子最多 ${MAX_COMMUNITY_DATES} 个`)
    .superRefine((list, ctx) => refuseRepeats(list, (d) => `${d.name}|${whenKey(d.when)}`, '同一天已经有这个日子了', ctx)),
)

/** What a supervisor edits; each is one merged field. */
export const CommunitySettingsFields = lazySchema(() =>
  z.object({
    seen: PhraseList,
    asked: PhraseList,
    done: PhraseList,
    dates: CommunityDates,
  }),
)
export type CommunitySettingsFields = z.infer<typeof CommunitySettingsFields>

/** The stored record (mergeable: per-field HLCs; `deleted` is always false, it is never deleted). */
export const CommunitySettings = lazySchema(() =>
  CommunitySettingsFields.partial().extend({
    id: z.uuid(),
    gridId: z.uuid(),
    deleted: z.boolean(),
    hlc: z.record(z.string().max(40), z.string().regex(HLC_PATTERN)),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
)
export type CommunitySettings = z.infer<typeof CommunitySettings>

/** A community with no settings yet: empty lists. */
export const EMPTY_COMMUNITY_SETTINGS: CommunitySettingsFields = { seen: [], asked: [], done: [], dates: [] }

/** The settings' lists, an absent one (never set) read as empty. */
export function settingsFields(s: Partial<CommunitySettingsFields> | null | undefined): CommunitySettingsFields {
  return { ...EMPTY_COMMUNITY_SETTINGS, ...(s ?? {}) }
}

/** Who may change a community's settings: its supervisor or its own admin. */
export function canSetCommunitySettings(user: { role: string; communityId: string | null }, communityId: string): boolean {
  return user.role !== 'worker' && user.communityId === communityId
}

/** Why a push of someone else's settings is refused (shown on her phone). */
export const SETTINGS_FORBIDDEN_MESSAGE = '只有本社区的主席或管理员可以修改社区的常用语和社区日子。'
