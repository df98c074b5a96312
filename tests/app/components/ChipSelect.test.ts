import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ChipSelect from '@/components/ChipSelect.vue'

const options = [
  { value: 'a', label: '甲' },
  { value: 'b', label: '乙' },
]

describe('ChipSelect', () => {
  it('picks one value as a radio group', async () => {
    const w = mount(ChipSelect, { props: { options, modelValue: 'a', label: '选' } })
    expect(w.find('[role="radiogroup"]').attributes('aria-label')).toBe('选')
    expect(w.find('[data-value="a"]').attributes('aria-checked')).toBe('true')
    await w.find('[data-value="b"]').trigger('click')
    expect(w.emitted('update:modelValue')).toEqual([['b']])
  })

  it('toggles values in and out as a multiple choice', async () => {
    const w = mount(ChipSelect, { props: { options, modelValue: ['a'], multiple: true, label: '选' } })
    expect(w.findAll('[role="checkbox"]')).toHaveLength(2)
    await w.find('[data-value="b"]').trigger('click')
    await w.find('[data-value="a"]').trigger('click')
    expect(w.emitted('update:modelValue')).toEqual([[['a', 'b']], [[]]])
  })
})
