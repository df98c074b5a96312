import type { TrendPoint } from './reports/coverage'
import type { ChartOption } from './SupervisorChart.vue'

/**
 * The 12-month trend as chart options: bars, so a month reads as a quantity, and the
 * running month drawn pale and labelled 本月至今, so a partial month never looks like a
 * collapse of the work.
 */

export interface TrendLabels {
  visits: string
  households: string
  /** Axis label of the running month. */
  monthToDate: string
}

const COLORS = ['#c4161c', '#1f6fb2']

/** Builds the trend chart's options. */
export function trendChartOption(trend: TrendPoint[], labels: TrendLabels): ChartOption {
  const series = (['visits', 'households'] as const).map((key, i) => ({
    type: 'bar' as const,
    name: labels[key],
    color: COLORS[i],
    data: trend.map((p) => (p.partial ? { value: p[key], itemStyle: { color: COLORS[i], opacity: 0.35 } } : p[key])),
  }))
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 12, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: trend.map((p) => (p.partial ? labels.monthToDate : p.month.slice(2))) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  }
}
