import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: { name: 'GridSister' },
}
export default en
