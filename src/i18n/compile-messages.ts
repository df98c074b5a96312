import type { MessageContext } from 'vue-i18n'

/**
 * The app's messages as vue-i18n message functions, made once when a message set is
 * first imported, so the build can leave vue-i18n's message compiler (≈ 8 KB gzip) out
 * of the first screen (`__INTLIFY_DROP_MESSAGE_COMPILER__` in vite.config.ts).
 *
 * Only the syntax the app's messages use is supported: plain text with named
 * placeholders such as `{n}`. Anything else vue-i18n would read as syntax (plural `|`,
 * linked `@`, list `{0}`, literal `{'…'}`, a lone brace) throws, so a message that needs
 * more fails the unit tests instead of showing its raw text on a phone.
 */

/** Like vue-i18n's compiled messages, each keeps its `source` (devtools and tests read it). */
type MessageFn = ((ctx: MessageContext) => string) & { source: string }

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g
const SYNTAX = /[{}|@]/

/** Compiles one message; throws on syntax this compiler does not support. */
export function compileMessage(source: string): MessageFn {
  const parts: (string | { name: string })[] = []
  let last = 0
  for (const m of source.matchAll(PLACEHOLDER)) {
    parts.push(source.slice(last, m.index), { name: m[1] as string })
    last = m.index + m[0].length
  }
  parts.push(source.slice(last))
  const texts = parts.filter((p): p is string => typeof p === 'string')
  if (texts.some((t) => SYNTAX.test(t))) throw new Error(`unsupported message syntax: ${JSON.stringify(source)}`)
  const kept = parts.filter((p) => p !== '')
  const fn = ({ named }: MessageContext) => kept.map((p) => (typeof p === 'string' ? p : display(named(p.name)))).join('')
  return Object.assign(fn, { source })
}

/** A placeholder's value as vue-i18n shows it (its default `toDisplayString`). */
function display(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value, null, 2) : String(value)
}

/**
 * A message tree with every string compiled. Typed as its source, which is what the
 * app's keys are checked against; vue-i18n takes functions wherever it takes strings.
 */
export function compileMessages<T extends object>(tree: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === 'string' ? compileMessage(value) : compileMessages(value as object)
  }
  return out as T
}
