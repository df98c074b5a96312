import type { Address } from '@/shared'

/** One line of an address: 黄龙小区 3栋 2单元 301. */
export function addressLine(a: Address): string {
  return [a.estate, a.building, a.unit, a.door].filter(Boolean).join(' ')
}

/** Age in whole years on `on` of someone born on an ISO date. */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  let age = on.getFullYear() - y
  if (on.getMonth() + 1 < m || (on.getMonth() + 1 === m && on.getDate() < d)) age -= 1
  return age
}
