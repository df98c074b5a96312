import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskPhone } from '@/features/supervisor/reports/mask'

describe('maskPhone / maskIdNumber', () => {
  it('masks mobile numbers as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('138-1234-1234')).toBe('138****1234')
  })
  it('masks ID numbers as 4301**********1234', () => {
    expect(maskIdNumber('43010219800101123X')).toBe('4301**********123X')
  })
  it('keeps only the last two characters of short numbers and leaves empty ones empty', () => {
    expect(maskPhone('5551234')).toBe('*****34')
    expect(maskPhone('')).toBe('')
    expect(maskIdNumber('')).toBe('')
  })
})
