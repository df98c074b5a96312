/**
 * The Chinese names of mergeable fields, for the reasons the server writes to a worker
 * (the same words as the app's forms). A field without a name here is shown by its key.
 */
const FIELD_NAMES: Record<string, string> = {
  headName: '户主姓名',
  address: '地址',
  phone: '联系电话',
  keyGroups: '重点人群',
  careLevel: '关怀等级',
  visitCadenceDays: '走访间隔',
  notes: '备注',
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  relation: '与户主关系',
  idNumber: '身份证号',
  answers: '评估内容',
  score: '评分',
  cadenceDays: '走访间隔',
  assessedAt: '评估时间',
}

/** The names of these fields, joined for a sentence: 联系电话、备注. */
export function fieldNames(fields: string[]): string {
  return fields.map((f) => FIELD_NAMES[f] ?? f).join('、')
}
