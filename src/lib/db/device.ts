// Bookkeeping that belongs to this browser rather than to the collection (when a backup file was last downloaded, the
// backup folder's handle). It lives in its own table, so a backup never carries it and a restore never replaces it.
import { db } from './db';

export async function readDevice<T>(key: string): Promise<T | undefined> {
  return (await db.device.get(key))?.value as T | undefined;
}

export async function writeDevice<T>(key: string, value: T): Promise<void> {
  await db.device.put({ key, value });
}

export async function deleteDevice(key: string): Promise<void> {
  await db.device.delete(key);
}
