/**
 * What every benchmark returns: ratios measured in the same run (the figures that
 * count on a noisy, shared machine) with their goals, and absolute figures for
 * orientation. run-all prints them as tables and writes them as JSON.
 */

export interface Ratio {
  bench: string
  /** What is compared, e.g. "initial sync, throttled: ours / floor". */
  what: string
  value: number
  /** The goal as text, e.g. "≤ 1.5". */
  goal: string
  met: boolean | null
}

export interface Figure {
  bench: string
  case: string
  measure: string
  value: number
  unit: string
}

export interface BenchResult {
  name: string
  ratios: Ratio[]
  figures: Figure[]
  /** Raw details for the JSON file (per-run samples, counts, notes). */
  details: Record<string, unknown>
  notes: string[]
}

export function newResult(name: string): BenchResult & {
  ratio(what: string, value: number, goal: { max?: number; min?: number } | null): void
  figure(caseName: string, measure: string, value: number, unit: string): void
  note(text: string): void
} {
  const r: BenchResult = { name, ratios: [], figures: [], details: {}, notes: [] }
  return Object.assign(r, {
    ratio(what: string, value: number, goal: { max?: number; min?: number } | null) {
      const { max, min } = goal ?? {}
      const n = (x: number | undefined) => String(Number(x?.toFixed(2)))
      const text =
        goal === null ? '—' : max !== undefined && min !== undefined ? (max === min ? `= ${n(max)}` : `${n(min)}–${n(max)}`) : max !== undefined ? `≤ ${n(max)}` : `≥ ${n(min)}`
      const met = goal === null ? null : (max === undefined || value <= max) && (min === undefined || value >= min)
      r.ratios.push({ bench: name, what, value, goal: text, met })
    },
    figure(caseName: string, measure: string, value: number, unit: string) {
      r.figures.push({ bench: name, case: caseName, measure, value, unit })
    },
    note(text: string) {
      r.notes.push(text)
    },
  })
}

export const median = (xs: number[]): number => quantile(xs, 0.5)

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))
  return s[i] as number
}

const fmt = (v: number): string => {
  if (!Number.isFinite(v)) return String(v)
  const a = Math.abs(v)
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2)
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

/** The two markdown tables: ratios with goals, then absolute figures. */
export function renderTables(results: BenchResult[]): string {
  const ratios = results.flatMap((r) => r.ratios)
  const figures = results.flatMap((r) => r.figures)
  const ratioTable = table(
    ['bench', 'ratio', 'value', 'goal', 'met'],
    ratios.map((r) => [r.bench, r.what, fmt(r.value), r.goal, r.met === null ? '—' : r.met ? 'yes' : '**NO**']),
  )
  const figureTable = table(
    ['bench', 'case', 'measure', 'value', 'unit'],
    figures.map((f) => [f.bench, f.case, f.measure, fmt(f.value), f.unit]),
  )
  return `${ratioTable}\n\n${figureTable}`
}
