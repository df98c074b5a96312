import type { PhraseField } from './phrase-choices'

/**
 * The phrases a worker starts from, per field, until she edits her own: what 网格员 write
 * in a 民情日记 again and again (the households, needs and policies of DOMAIN.md and the
 * articles in seeds/). Plain data, per language, so the English build shows English.
 */
export const BUILTIN_PHRASES: Readonly<Record<'zh-CN' | 'en', Readonly<Record<PhraseField, readonly string[]>>>> = {
  'zh-CN': {
    seen: [
      '身体还好，精神不错',
      '家里干净整洁',
      '一个人在家，情绪稳定',
      '行动不便，需要人照看',
      '血压偏高，按时吃药',
      '孩子在家写作业，学习正常',
      '情绪低落，多聊了一会儿',
      '燃气、电线有安全隐患',
    ],
    asked: [
      '暂无诉求',
      '想了解低保政策',
      '咨询医保报销',
      '希望上门理发',
      '想找份工作',
      '孩子放学后没人辅导',
      '家里东西坏了要修',
      '希望有人陪着去医院',
    ],
    done: [
      '讲解了相关政策',
      '留了电话，有事随时打',
      '已登记心愿，联系志愿者',
      '已转社区办理',
      '帮忙量了血压',
      '提醒注意用电用气安全',
      '下周再来看看',
    ],
  },
  en: {
    seen: [
      'In good health and spirits',
      'Home clean and tidy',
      'Alone at home, calm',
      'Cannot get around, needs care',
      'High blood pressure, takes medicine',
      'Child doing homework, school fine',
      'Low mood, stayed to talk',
      'Gas or wiring unsafe',
    ],
    asked: [
      'No requests',
      'Asked about minimum living allowance',
      'Asked about medical reimbursement',
      'Would like a haircut at home',
      'Looking for work',
      'No one helps the child after school',
      'Something at home needs repair',
      'Needs company to the hospital',
    ],
    done: [
      'Explained the policy',
      'Left my number for any need',
      'Registered a wish, contacting volunteers',
      'Passed to the community office',
      'Measured blood pressure',
      'Reminded about gas and power safety',
      'Will come back next week',
    ],
  },
}
