// Rendered card HTML carries stored images as <img data-media="<sha-256>"> (markdown.ts). This gives each one a blob:
// URL from IndexedDB (the CSP allows img-src blob:), and the returned cleanup revokes them when the card goes away.
export function showMedia(root: HTMLElement): () => void {
  const urls: string[] = [];
  let gone = false;
  const images = [...root.querySelectorAll<HTMLImageElement>('img[data-media]')];
  // The image store's code loads with the first card that shows an image, not with the study screen.
  if (images.length > 0) {
    void import('../db/media').then(({ mediaById }) => {
      for (const img of images) {
        void mediaById(img.dataset.media ?? '').then((record) => {
          if (gone || !record) return;
          const url = URL.createObjectURL(new Blob([record.bytes as BlobPart], { type: record.type }));
          urls.push(url);
          img.src = url;
        });
      }
    });
  }
  return () => {
    gone = true;
    for (const url of urls) URL.revokeObjectURL(url);
  };
}
