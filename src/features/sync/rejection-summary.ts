import type { Mutation } from '@/shared'

/** A one-line summary of what a rejected change said, so the worker recognises it. */
export function summarizeMutation(m: Mutation): string {
  const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s)
  switch (m.name) {
    case 'visit.create':
      return clip([m.args.visitedAt.slice(0, 10), m.args.seen || m.args.asked || m.args.done].join(' '))
    case 'wish.create':
      return clip(m.args.title)
    case 'wish.transition':
      return `${m.args.expected} → ${m.args.to}${m.args.claimedBy ? ` (${m.args.claimedBy.name})` : ''}`
    case 'household.put':
      return clip(m.args.patch.headName ?? firstText(m.args.patch) ?? Object.keys(m.args.patch).join(', '))
    case 'person.put':
      return clip(m.args.patch.name ?? firstText(m.args.patch) ?? Object.keys(m.args.patch).join(', '))
    case 'review.set':
      return clip(m.args.comment)
    default:
      return m.createdAt.slice(0, 16).replace('T', ' ')
  }
}

/** The first non-empty text of a patch (what she typed, e.g. a note), if any. */
function firstText(patch: object): string | undefined {
  return Object.values(patch).find((v): v is string => typeof v === 'string' && v.trim() !== '')
}
