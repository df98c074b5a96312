import type { RosterReport } from '../../src/shared/roster-api'

/** The import report as the CLI prints it (the console shows the same figures). */
export function reportText(r: RosterReport, dryRun: boolean): string {
  const lines = [
    `文件：${r.fileName}（表头在第 ${r.headerLine} 行，读到 ${r.rows} 人）`,
    `住户：新建 ${r.households.create}，已存在 ${r.households.existing}`,
    `成员：新建 ${r.persons.create}，已存在 ${r.persons.existing}`,
    ...r.perGrid.map((g) => `  ${g.gridName}：新建住户 ${g.households}，新建成员 ${g.persons}`),
  ]
  const errors = r.problems.filter((p) => p.severity === 'error')
  const warnings = r.problems.filter((p) => p.severity === 'warning')
  if (errors.length > 0) lines.push(`有错误的行（不会导入）：${r.errorRows}`)
  for (const p of errors) lines.push(`  第 ${p.line} 行 错误：${p.message}`)
  for (const p of warnings) lines.push(`  第 ${p.line} 行 提示：${p.message}`)
  if (dryRun) lines.push('试导入：没有写入任何数据。')
  else if (r.imported) lines.push('已导入。')
  else lines.push(r.rows === 0 ? '没有可导入的行。' : '没有导入：表中有错误的行。改正后重新导入，或加 --clean 只导入没有错误的行。')
  return lines.join('\n')
}
