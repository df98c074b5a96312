import { canSetCommunitySettings, SETTINGS_FORBIDDEN_MESSAGE, type Grid, type Mutation, type MutationOf } from '../../src/shared'
import type { UserRow } from '../storage/store'

/**
 * Mutations of the community as a whole (its settings: common phrases and its own dates,
 * docs/sync.md "Rules per record kind") belong to no grid. Their record is stored under
 * the community's id where a grid's records are stored under the grid's ("the community
 * channel"), so the push, the per-field merge, the conflict inbox and the pull treat it
 * like any record. Only the community's supervisor or its own admin writes it; a worker's
 * push is refused with a reason she can read.
 */

export type CommunityMutation = MutationOf<'communitySettings.put'>

/** True for a mutation of the community as a whole. */
export function isCommunityWide(m: Mutation): m is CommunityMutation {
  return m.name === 'communitySettings.put'
}

/** The community a community-wide mutation writes. */
export const communityOf = (m: CommunityMutation): string => m.args.id

/** The channel a community's own records are kept under, as the grid the push writes. */
export function communityChannel(communityId: string): Grid {
  return { id: communityId, communityId, name: '社区设置', code: '', estates: [], workerId: null }
}

/** The channel this user may write for the mutation, or why not. */
export function communityPlace(user: UserRow, m: CommunityMutation): Grid | { code: 'bad-request' | 'forbidden'; message: string } {
  if (m.args.gridId !== m.args.id) return { code: 'bad-request', message: 'community settings are kept under the community id' }
  if (!canSetCommunitySettings(user, m.args.id)) return { code: 'forbidden', message: SETTINGS_FORBIDDEN_MESSAGE }
  return communityChannel(m.args.id)
}
