/**
 * Shrinks a camera photo on the device before it is stored: about 1280 px on the long
 * side, JPEG at quality 0.7 — a few hundred KB instead of several MB, which matters on
 * cheap phones with little storage and on slow uploads. The library is loaded only when
 * a photo is actually picked, so the visit form stays light.
 */
export const MAX_PHOTO_EDGE = 1280
export const PHOTO_QUALITY = 0.7

export async function compressPhoto(file: File): Promise<Blob> {
  const { default: imageCompression } = await import('browser-image-compression')
  return imageCompression(file, {
    maxWidthOrHeight: MAX_PHOTO_EDGE,
    initialQuality: PHOTO_QUALITY,
    fileType: 'image/jpeg',
    useWebWorker: true,
    maxSizeMB: 1,
  })
}
