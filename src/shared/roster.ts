import type { KeyGroup } from './vocab'

/**
 * The words community offices write in their household registers (住户台账), as data:
 * the header names of each column, the relations and the free-text key groups with
 * their synonyms. The importer (sync-server/import/) and the console's column-mapping
 * screen read these tables; adding a spelling seen in a real register is a one-line edit.
 */

export const ROSTER_FIELDS = [
  'grid',
  'estate',
  'building',
  'unit',
  'door',
  'address',
  'name',
  'relation',
  'sex',
  'birthDate',
  'idNumber',
  'phone',
  'keyGroups',
  'notes',
] as const
export type RosterField = (typeof ROSTER_FIELDS)[number]

/** Header cells that name each field (compared after removing spaces, case-insensitive). */
export const ROSTER_HEADER_SYNONYMS: Record<RosterField, readonly string[]> = {
  grid: ['网格', '所属网格', '网格名称', '网格编号'],
  estate: ['小区', '小区名称', '院落', '小区/院落'],
  building: ['楼栋', '栋', '楼号', '幢', '楼栋号'],
  unit: ['单元', '单元号'],
  door: ['门牌', '门牌号', '房号', '室', '户号'],
  address: ['地址', '住址', '家庭住址', '现住址', '居住地址'],
  name: ['姓名', '成员姓名', '居民姓名'],
  relation: ['与户主关系', '关系', '家庭关系', '与户主的关系'],
  sex: ['性别'],
  birthDate: ['出生日期', '出生年月', '生日', '出生年月日'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'],
  phone: ['电话', '联系电话', '手机', '手机号', '联系方式', '电话号码'],
  keyGroups: ['重点人群', '人员类别', '人群类别', '重点人员', '特殊人群', '类别', '标签'],
  notes: ['备注', '说明'],
}

/**
 * Free-text key groups: a cell such as "空巢老人、肢体残疾二级" is split on separators and
 * each part is matched by containing one of these words (so "肢体残疾二级" finds 残疾).
 */
export const KEY_GROUP_SYNONYMS: Record<KeyGroup, readonly string[]> = {
  'left-behind': ['留守'],
  disabled: ['残疾', '残障', '伤残'],
  hardship: ['困境', '困难', '低保', '特困', '贫困'],
  'serious-illness': ['重病', '大病', '重大疾病', '癌症', '尿毒症'],
  'single-parent': ['单亲'],
  'elderly-alone': ['独居', '孤寡', '空巢', '孤老'],
  'lost-only-child': ['失独'],
  unemployed: ['失业', '待业', '求职', '无业', '下岗'],
  'migrant-family': ['进城务工', '外来务工', '农民工', '务工'],
}

/** Cells meaning "no key group". */
export const NO_KEY_GROUP = ['无', '否', '/', '-', '—', '无特殊', '一般']

export const RELATION_SYNONYMS: Record<string, readonly string[]> = {
  self: ['户主', '本人', '户主本人'],
  spouse: ['配偶', '妻', '妻子', '夫', '丈夫', '爱人'],
  child: ['子', '女', '儿子', '女儿', '长子', '次子', '长女', '次女', '三子', '三女', '子女', '养子', '养女', '继子', '继女'],
  parent: ['父亲', '母亲', '父', '母', '父母', '公公', '婆婆', '岳父', '岳母'],
  grandchild: ['孙子', '孙女', '外孙', '外孙女', '孙'],
  grandparent: ['祖父', '祖母', '外祖父', '外祖母', '爷爷', '奶奶', '外公', '外婆'],
  sibling: ['兄', '弟', '姐', '妹', '哥哥', '弟弟', '姐姐', '妹妹', '兄弟', '姐妹'],
  other: ['其他', '儿媳', '女婿', '孙媳', '侄子', '侄女', '保姆'],
}

/** Words in the first cell of a totals row at the end of a register. */
export const TOTAL_ROW_WORDS = ['合计', '总计', '小计', '共计']

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase()

/** The field a header cell names, or null. */
export function rosterFieldOfHeader(header: string): RosterField | null {
  const h = squash(header)
  if (!h) return null
  for (const field of ROSTER_FIELDS) if (ROSTER_HEADER_SYNONYMS[field].some((s) => squash(s) === h)) return field
  return null
}

/** Key groups named in a free-text cell, and the parts that matched none. */
export function parseKeyGroupText(text: string): { groups: KeyGroup[]; unknown: string[] } {
  const groups = new Set<KeyGroup>()
  const unknown: string[] = []
  for (const part of text.split(/[、,，;；/|\s]+/).map((p) => p.trim()).filter(Boolean)) {
    if (NO_KEY_GROUP.includes(part)) continue
    const hits = (Object.keys(KEY_GROUP_SYNONYMS) as KeyGroup[]).filter((g) => KEY_GROUP_SYNONYMS[g].some((w) => part.includes(w)))
    if (hits.length === 0) unknown.push(part)
    hits.forEach((g) => groups.add(g))
  }
  // In the vocabulary's order, whatever the order of the words in the cell.
  return { groups: (Object.keys(KEY_GROUP_SYNONYMS) as KeyGroup[]).filter((g) => groups.has(g)), unknown }
}

/** The relation a cell names (a `Relation` value), or null. */
export function parseRelationText(text: string): string | null {
  const t = squash(text)
  if (!t) return null
  for (const [relation, words] of Object.entries(RELATION_SYNONYMS)) if (words.includes(t)) return relation
  return null
}
