import type { Community, Grid } from '../../src/shared'
import type { SeedRandom } from './seed-random'
import { DAY } from './seed-time'
import type { DemoUser } from './demo-types'

/**
 * The fixed frame of the demo: 城东社区 of Huanglong County (the community the source
 * articles describe), its four grids and estates, and the four demo accounts.
 */

export const DEMO_PASSWORD = 'gridsister-demo'

export interface GridPlan {
  name: string
  code: string
  estates: string[]
  /** Index into the worker accounts. */
  worker: 0 | 1
}

export const GRID_PLANS: GridPlan[] = [
  { name: '第一网格', code: 'CD-01', estates: ['幸福小区', '和平里', '向阳小区'], worker: 0 },
  { name: '第二网格', code: 'CD-02', estates: ['城东新村', '教师小区', '惠民家园'], worker: 0 },
  { name: '第三网格', code: 'CD-03', estates: ['锦绣花园', '供电小区', '龙园小区', '东关巷'], worker: 1 },
  { name: '第四网格', code: 'CD-04', estates: ['阳光嘉苑', '丰泽园'], worker: 1 },
]

interface AccountPlan {
  username: string
  displayName: string
  role: DemoUser['role']
  phone: string
}

const ADMIN: AccountPlan = { username: 'demo-admin', displayName: '贺淑敏', role: 'admin', phone: '13909116825' }
const SUPERVISOR: AccountPlan = { username: 'demo-supervisor', displayName: '刘桂琴', role: 'supervisor', phone: '13572340618' }
const WORKERS: AccountPlan[] = [
  { username: 'demo-worker-1', displayName: '王秀梅', role: 'worker', phone: '15891163047' },
  { username: 'demo-worker-2', displayName: '张丽娟', role: 'worker', phone: '18700913562' },
]

export interface DemoPlaces {
  community: Community
  grids: Grid[]
  users: DemoUser[]
  admin: DemoUser
  supervisor: DemoUser
  /** The worker of each grid, by grid id. */
  workerOfGrid: Map<string, DemoUser>
  /** Estates of each grid, by grid id. */
  estatesOfGrid: Map<string, string[]>
}

/** Builds the community, its grids and the demo accounts; `setupMs` is when it was set up. */
export function buildPlaces(rng: SeedRandom, setupMs: number): DemoPlaces {
  const community: Community = {
    id: rng.uuid(setupMs),
    name: '城东社区',
    district: '陕西省延安市黄龙县',
    street: '石堡镇',
  }
  const account = (plan: AccountPlan, communityId: string | null, at: number): DemoUser => ({
    id: rng.uuid(at),
    ...plan,
    communityId,
    gridIds: [],
    password: DEMO_PASSWORD,
  })
  const admin = account(ADMIN, null, setupMs)
  const supervisor = account(SUPERVISOR, community.id, setupMs + DAY)
  const workers = WORKERS.map((w, i) => account(w, community.id, setupMs + (2 + i) * DAY))
  const workerOfGrid = new Map<string, DemoUser>()
  const estatesOfGrid = new Map<string, string[]>()
  const grids = GRID_PLANS.map((plan, i): Grid => {
    const worker = workers[plan.worker] as DemoUser
    const grid: Grid = {
      id: rng.uuid(setupMs + DAY + i * 60_000),
      communityId: community.id,
      name: plan.name,
      code: plan.code,
      estates: [...plan.estates],
      workerId: worker.id,
    }
    worker.gridIds.push(grid.id)
    workerOfGrid.set(grid.id, worker)
    estatesOfGrid.set(grid.id, grid.estates)
    return grid
  })
  return { community, grids, users: [admin, supervisor, ...workers], admin, supervisor, workerOfGrid, estatesOfGrid }
}
