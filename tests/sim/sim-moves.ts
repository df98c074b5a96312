import { edit, type SimDevice } from './sim-device'
import { reassignGrid, type SimWorld } from './sim-world'

/** Grid moves (docs/sync.md, guarantee 6): the admin gives grid g2 to the other worker. */

/** Moves grid g2 to the other worker. */
export async function moveG2(world: SimWorld): Promise<void> {
  const g2 = world.grids[1]!
  const next = (await world.store.getGrid(g2.id))!.workerId === world.users.w1.id ? world.users.w2.id : world.users.w1.id
  await reassignGrid(world, g2.id, next)
}

/**
 * The holder of g2 is offline in a stairwell: her devices record visits (one with a photo)
 * and edits in g2;
 * then the grid moves to the other worker. Her devices stay offline until a later step
 * (or the final heal) brings them back with those changes still to push.
 */
export async function reassignWithEditsInFlight(world: SimWorld, devices: SimDevice[], r: () => number): Promise<void> {
  const g2 = world.grids[1]!
  const holder = (await world.store.getGrid(g2.id))!.workerId
  const hers = devices.filter((d) => world.users[d.user].id === holder)
  for (const d of hers) {
    d.link.partitioned = true
    for (const op of ['visit-photo', 'household-edit', 'visit'] as const) await edit(world, d, op, r, g2.id)
  }
  await moveG2(world)
}
