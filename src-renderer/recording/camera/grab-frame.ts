/** A still from the live preview as JPEG: base64 without the data: prefix, and its size. */
export function grabJpeg(video: HTMLVideoElement, quality = 0.92): { base64: string; width: number; height: number } | null {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (width === 0 || height === 0) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null) return null;
  context.drawImage(video, 0, 0, width, height);
  const url = canvas.toDataURL('image/jpeg', quality);
  const comma = url.indexOf(',');
  return url.startsWith('data:image/jpeg') && comma > 0 ? { base64: url.slice(comma + 1), width, height } : null;
}
