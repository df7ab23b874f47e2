// Stored images for the card renderer (src/lib/ui/media-images.ts).
import { db, type MediaRecord } from './db';

export async function mediaById(id: string): Promise<MediaRecord | undefined> {
  return db.media.get(id);
}
