import { lazySchema, z } from './zod'
import { KEY_GROUP_CADENCE_DAYS, type KeyGroup, type NeedLevel } from './vocab'
import type { AssessmentAnswer } from './records'

/**
 * Assessment templates are data: the needs assessment over the service systems of the
 * women's federation reform, and the "most beautiful courtyard" score, are two entries
 * of the same shape. A screen renders any template; `evaluateAssessment` turns answers
 * into a care level and a visit cadence (needs) or a score (score templates).
 */

export const LocalizedText = lazySchema(() => z.object({ zh: z.string(), en: z.string() }))

export const TemplateField = lazySchema(() =>
  z.object({
    key: z.string().max(40),
    label: LocalizedText,
    kind: z.enum(['text', 'number']),
  }),
)

export const TemplateDomain = lazySchema(() =>
  z.object({
    key: z.string().max(40),
    label: LocalizedText,
    hint: LocalizedText,
    extra: z.array(TemplateField),
  }),
)

export const AssessmentTemplate = lazySchema(() =>
  z.object({
    id: z.string().max(40),
    kind: z.enum(['needs', 'score']),
    name: LocalizedText,
    /** For needs: labels of levels 0..3. For score: labels of points 0..3. */
    levels: z.array(LocalizedText).length(4),
    domains: z.array(TemplateDomain).min(1),
  }),
)
export type AssessmentTemplate = z.infer<typeof AssessmentTemplate>

const L = (zh: string, en: string) => ({ zh, en })
const domain = (key: string, label: [string, string], hint: [string, string], extra: z.infer<typeof TemplateField>[] = []) => ({
  key,
  label: L(...label),
  hint: L(...hint),
  extra,
})

export const NEEDS_TEMPLATE: AssessmentTemplate = {
  id: 'needs-v1',
  kind: 'needs',
  name: L('家庭需求评估', 'Household needs assessment'),
  levels: [L('无需求', 'None'), L('一般', 'Low'), L('较高', 'Medium'), L('迫切', 'High')],
  domains: [
    domain('legal', ['法律维权', 'Legal rights'], ['婚姻家庭纠纷、权益受损、需要法律援助', 'Family disputes, rights violated, legal aid needed']),
    domain('psychological', ['心理关爱', 'Psychological care'], ['情绪低落、失独、留守、需要倾听陪伴', 'Low mood, loss, left behind, needs company']),
    domain('health', ['健康服务', 'Health'], ['慢病、重病、行动不便、需要上门服务', 'Chronic or serious illness, limited mobility']),
    domain('hardship', ['困难帮扶', 'Hardship assistance'], ['收入低、突发困难、需要救助', 'Low income, sudden hardship, needs relief']),
    domain('life', ['生活提质', 'Quality of life'], ['居住环境、家务、生活技能', 'Housing, housework, daily skills']),
    domain('employment', ['就业', 'Employment'], ['求职意向：想做的工作、期望薪资', 'Job seeking: wanted job and expected pay'], [
      { key: 'wantedJob', label: L('意向工作', 'Wanted job'), kind: 'text' },
      { key: 'expectedPay', label: L('期望月薪（元）', 'Expected monthly pay (CNY)'), kind: 'number' },
    ]),
    domain('schooling', ['课业辅导', 'Schooling'], ['孩子课后无人辅导（“6点半课堂”）', 'No after-school help for children ("6:30 classroom")']),
    domain('familyEducation', ['家庭教育', 'Family education'], ['亲子关系、家庭教育指导', 'Parenting and family education guidance']),
  ],
}

export const COURTYARD_TEMPLATE: AssessmentTemplate = {
  id: 'courtyard-v1',
  kind: 'score',
  name: L('最美庭院评分', '"Most beautiful courtyard" score'),
  levels: [L('差', 'Poor'), L('一般', 'Fair'), L('好', 'Good'), L('优', 'Excellent')],
  domains: [
    domain('room', ['居室整洁', 'Rooms'], ['物品摆放、清洁', 'Tidy and clean rooms']),
    domain('kitchen', ['厨卫卫生', 'Kitchen and bathroom'], ['厨房、卫生间干净', 'Clean kitchen and bathroom']),
    domain('courtyard', ['庭院美化', 'Courtyard'], ['绿化、美化、无杂物', 'Green, tidy, no clutter']),
    domain('bodyMind', ['身心健康', 'Body and mind'], ['家庭和睦、文明健康', 'Harmony and healthy habits']),
  ],
}

export const ASSESSMENT_TEMPLATES: AssessmentTemplate[] = [NEEDS_TEMPLATE, COURTYARD_TEMPLATE]

export function findTemplate(id: string): AssessmentTemplate | undefined {
  return ASSESSMENT_TEMPLATES.find((t) => t.id === id)
}

/** Visit cadence by care level: high need → fortnightly, none → quarterly. */
export const CARE_LEVEL_CADENCE_DAYS: Record<NeedLevel, number> = { 0: 90, 1: 60, 2: 30, 3: 14 }

export interface AssessmentResult {
  careLevel: NeedLevel
  cadenceDays: number | null
  score: number | null
}

/**
 * Needs: the care level is the highest domain level (one urgent need is enough to
 * visit often), and the cadence follows it. Score: the sum of points, in percent.
 */
export function evaluateAssessment(
  template: AssessmentTemplate,
  answers: Record<string, AssessmentAnswer>,
): AssessmentResult {
  const levels = template.domains.map((d) => answers[d.key]?.level ?? 0)
  if (template.kind === 'score') {
    const max = template.domains.length * 3
    const sum = levels.reduce<number>((a, b) => a + b, 0)
    return { careLevel: 0, cadenceDays: null, score: Math.round((sum / max) * 100) }
  }
  const careLevel = Math.max(0, ...levels) as NeedLevel
  return { careLevel, cadenceDays: CARE_LEVEL_CADENCE_DAYS[careLevel] ?? null, score: null }
}

/**
 * The visit cadence of a household: its explicit cadence if set (from an assessment),
 * else the tightest default of its key groups, else null (no fixed rhythm).
 */
export function householdCadenceDays(h: { visitCadenceDays: number | null; keyGroups: KeyGroup[] }): number | null {
  if (h.visitCadenceDays) return h.visitCadenceDays
  const days = h.keyGroups.map((g) => KEY_GROUP_CADENCE_DAYS[g])
  return days.length ? Math.min(...days) : null
}
