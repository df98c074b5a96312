import type { KeyGroup } from '../../src/shared'

/**
 * What a worker writes in each domain of the needs assessment, by level (index 1–3;
 * level 0 leaves the note empty), and which domains each key group tends to raise.
 */

export const DOMAIN_NOTES: Record<string, [string[], string[], string[]]> = {
  legal: [
    ['咨询赡养费相关问题', '想了解遗产继承的规定'],
    ['与前夫有抚养费纠纷，需要法律援助', '房屋产权有争议，想请律师咨询'],
    ['疑似遭受家庭暴力，需立即介入', '被拖欠工资一年多，急需维权'],
  ],
  psychological: [
    ['偶尔感到孤单', '话不多，愿意和人聊天'],
    ['情绪低落，希望有人常来聊天', '子女不在身边，常常想念'],
    ['失去独子后长期抑郁，需要专业心理疏导', '情绪很不稳定，需要持续陪伴'],
  ],
  health: [
    ['高血压，按时服药', '糖尿病，定期复查'],
    ['腿脚不便，行动需要拐杖', '慢病多，需要上门测血压'],
    ['重病在身，需定期上门探视和送医', '卧床不起，需要上门护理'],
  ],
  hardship: [
    ['收入偏低，暂能维持', '打零工收入不稳定'],
    ['家庭收入低，医疗支出大', '看病开支大，手头紧'],
    ['生活困难，正在申请低保', '突发变故，家庭无收入来源'],
  ],
  life: [
    ['家务偶尔需要帮忙', '希望学用智能手机'],
    ['独居，做饭洗衣困难', '家里电器老化，需要检修'],
    ['居住条件差，房屋漏雨', '无人照料，生活难以自理'],
  ],
  employment: [
    ['有就业意向，暂不着急', '想找份离家近的活'],
    ['失业半年，正在找工作', '想学一门手艺再就业'],
    ['长期失业，家庭无收入来源', '急需工作养家'],
  ],
  schooling: [
    ['孩子作业偶尔需要辅导', '想给孩子报兴趣班'],
    ['放学后无人辅导功课，适合“6点半课堂”', '老人不识字，辅导不了作业'],
    ['孩子成绩下滑严重，有厌学情绪', '孩子经常逃课，需要学校和社区配合'],
  ],
  familyEducation: [
    ['亲子沟通偶有矛盾', '想学习家庭教育方法'],
    ['孩子沉迷手机，家长管不住', '隔代教养，老人溺爱孩子'],
    ['亲子关系紧张，孩子离家出走过', '家庭矛盾影响孩子成长'],
  ],
}

/** Domains a key group raises, with the level range it usually gets. */
export const GROUP_NEEDS: Record<KeyGroup, [string, number, number][]> = {
  'elderly-alone': [['psychological', 1, 2], ['health', 1, 3], ['life', 1, 2]],
  'lost-only-child': [['psychological', 2, 3], ['health', 1, 2], ['life', 0, 1]],
  'serious-illness': [['health', 2, 3], ['hardship', 1, 3], ['psychological', 1, 2]],
  disabled: [['health', 1, 3], ['hardship', 1, 2], ['life', 1, 2]],
  'left-behind': [['schooling', 1, 3], ['psychological', 1, 2], ['familyEducation', 1, 2]],
  hardship: [['hardship', 2, 3], ['life', 1, 2]],
  'single-parent': [['hardship', 1, 2], ['familyEducation', 1, 2], ['legal', 0, 2], ['employment', 0, 2]],
  unemployed: [['employment', 1, 3], ['hardship', 0, 2]],
  'migrant-family': [['schooling', 0, 2], ['employment', 0, 1], ['life', 0, 1], ['legal', 0, 1]],
}

export const WANTED_JOBS = ['保洁', '超市收银', '家政服务', '餐馆帮厨', '保安', '快递分拣', '育婴员', '居家手工编织', '物业维修', '网约车司机', '仓库管理', '社区公益岗']

/** Remarks on the "most beautiful courtyard" score, per domain. */
export const COURTYARD_NOTES: Record<string, string[]> = {
  room: ['物品摆放整齐', '窗明几净', '杂物较多，已提醒清理'],
  kitchen: ['灶台干净，餐具摆放有序', '卫生间无异味', '厨房油污较多'],
  courtyard: ['种了不少花草', '阳台养了绿植', '门前无杂物'],
  bodyMind: ['家庭和睦，邻里称赞', '老人坚持锻炼', '孝老爱亲，获评文明家庭'],
}
