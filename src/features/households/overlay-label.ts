import type { OverlayProps } from 'vant'

/**
 * Overlay props that name the dimmed page behind a sheet (Vant makes it a button that
 * closes the sheet, without a name). Vant passes them on to the overlay's root element
 * as attributes, which its props type does not list: hence the cast.
 */
export function overlayLabelled(label: string): Partial<OverlayProps> {
  return { 'aria-label': label } as unknown as Partial<OverlayProps>
}
