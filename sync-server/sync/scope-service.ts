import type { Grid } from '../../src/shared'
import type { StoreOps, UserRow } from '../storage/store'

/** The grids in a user's scope right now (see src/shared/rules/scope.ts for the rule). */
export async function listScopeGrids(store: StoreOps, user: Pick<UserRow, 'id' | 'role' | 'communityId'>): Promise<Grid[]> {
  switch (user.role) {
    case 'worker':
      return store.listGrids({ workerId: user.id })
    case 'supervisor':
      return user.communityId ? store.listGrids({ communityId: user.communityId }) : []
    case 'admin':
      return store.listGrids({ communityId: user.communityId })
  }
}
