import { mkdir, writeFile } from 'node:fs/promises'
import { syntheticRegister } from '../sync-server/import/roster-synthetic'
import { writeRegisterXlsx } from '../sync-server/import/roster-write'

/**
 * Writes public/samples/: the register template the console offers for download, and a
 * synthetic sample register for the demo community 城东社区 (buildings 20 and up, which
 * the demo's households do not use). One of its rows has an ID number Excel stored as a
 * number, so the dry run shows what a flagged row looks like.
 * Run: npx tsx scripts/make-roster-samples.ts
 */
const dir = new URL('../public/samples/', import.meta.url)
await mkdir(dir, { recursive: true })

const sample = syntheticRegister(2026, ['幸福小区', '城东新村', '锦绣花园', '阳光嘉苑'], 24, 20)
const spoilt = sample[5]?.persons[0]
if (spoilt) spoilt.id = Number(String(spoilt.id).slice(0, 15) + '000')
await writeFile(new URL('roster-sample.xlsx', dir), await writeRegisterXlsx(sample, { title: '城东社区住户台账（示例，虚构数据）' }))

const template = [{ estate: '幸福小区', building: '3', unit: '2', door: '301', persons: [{ name: '王秀英', relation: '户主', sex: '女', born: '1952-03-04', id: '', phone: '13800138000', groups: '独居老人', notes: '示例行，导入前请删除' }] }]
await writeFile(new URL('roster-template.xlsx', dir), await writeRegisterXlsx(template, { title: 'XX社区住户台账', blankRows: 0 }))
console.info('public/samples/roster-sample.xlsx, public/samples/roster-template.xlsx written')
