import type { RegisterHousehold } from '../../../sync-server/import/roster-write'
import { syntheticId } from '../../../sync-server/import/roster-write'

/**
 * A register with what real ones hold: three date spellings, a date cell and an Excel
 * serial date, an ID Excel stored as a number (digits lost, line 6), phones with spaces and an
 * area code, key groups as free-text synonyms, a member row under a merged address, an
 * estate no grid lists. Estates 幸福小区 (grid a1) and 和平里 (grid a2).
 */
export function messyRegister(): RegisterHousehold[] {
  return [
    {
      estate: '幸福小区', building: '3', unit: '2', door: '301',
      persons: [
        { name: '王秀英', relation: '户主', sex: '女', born: '1952.03.04', id: syntheticId('430102', '1952-03-04', 1, false), phone: '138 0013 8000', groups: '独居老人' },
        { name: '李建国', relation: '配偶', sex: '男', born: '1950年5月6日', id: syntheticId('430102', '1950-05-06', 2, true), phone: '0731-8888 6666', groups: '肢体残疾二级' },
      ],
    },
    {
      estate: '幸福小区', building: '5栋', unit: '1单元', door: '502室',
      persons: [
        { name: '张伟', relation: '户主', sex: '男', born: new Date(Date.UTC(1980, 0, 2)), id: syntheticId('430102', '1980-01-02', 4, true), phone: '139-0731-0000', groups: '待业' },
        { name: '李娜', relation: '妻子', sex: '女', born: '1982.7.8', id: Number('430102198207080000'), phone: '', groups: '' },
        { name: '张小明', relation: '儿子', sex: '男', born: 43831, id: '', phone: '', groups: '留守儿童' },
      ],
    },
    {
      estate: '和平里', building: '1', unit: '1', door: '101',
      persons: [{ name: '刘芳', relation: '户主', sex: '女', born: '1975-3-4', id: syntheticId('430102', '1975-03-04', 3, false), phone: '12345', groups: '孤寡老人、低保、会跳舞' }],
    },
    {
      estate: '无名小区', building: '9', unit: '1', door: '101',
      persons: [{ name: '赵敏', relation: '户主', sex: '女', born: '1990-01-01', id: '', phone: '', groups: '' }],
    },
  ]
}
