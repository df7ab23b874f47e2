// A folder on the device that receives the daily backup file, where the File System Access API exists (Chromium on
// desktop). The folder's handle is kept in the device table; the browser may ask again for permission after a restart,
// and only a tap can grant it, so a write that lacks permission waits for the Settings screen's "Allow" button.
import { listSnapshots } from './snapshots';
import { makeBackupFile } from './backup-file';
import { deleteDevice, readDevice, writeDevice } from './device';

type Permission = 'granted' | 'denied' | 'prompt';
/** The parts of FileSystemDirectoryHandle used here; the permission methods are not in TypeScript's DOM types yet. */
export interface BackupDirectory {
  name: string;
  getFileHandle(name: string, options: { create: boolean }): Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>;
  queryPermission?(d: { mode: 'readwrite' }): Promise<Permission>;
  requestPermission?(d: { mode: 'readwrite' }): Promise<Permission>;
}

interface FolderRecord {
  handle: BackupDirectory;
  lastWrittenAt: number | null;
}

export interface FolderStatus {
  name: string;
  lastWrittenAt: number | null;
  permission: Permission;
}

const KEY = 'backupFolder';
type PickerWindow = Window & { showDirectoryPicker?: (o: { id: string; mode: 'readwrite' }) => Promise<BackupDirectory> };

export const backupFolderSupported = (): boolean => typeof window !== 'undefined' && typeof (window as PickerWindow).showDirectoryPicker === 'function';

async function permissionOf(dir: BackupDirectory, ask: boolean): Promise<Permission> {
  const state = (await dir.queryPermission?.({ mode: 'readwrite' })) ?? 'granted';
  if (state === 'prompt' && ask) return (await dir.requestPermission?.({ mode: 'readwrite' })) ?? 'denied';
  return state;
}

/** Writes today's backup file into the folder (same name on the same day, so a second write replaces it). */
export async function writeBackupInto(dir: BackupDirectory, now: number): Promise<string> {
  const file = await makeBackupFile(now);
  const writable = await (await dir.getFileHandle(file.name, { create: true })).createWritable();
  await writable.write(file.blob);
  await writable.close();
  return file.name;
}

export async function backupFolderStatus(): Promise<FolderStatus | null> {
  const folder = await readDevice<FolderRecord>(KEY);
  if (!folder) return null;
  return { name: folder.handle.name, lastWrittenAt: folder.lastWrittenAt, permission: await permissionOf(folder.handle, false) };
}

/** Lets the learner pick the folder (a tap), then writes the first file at once. */
export async function chooseBackupFolder(now: number): Promise<string> {
  const handle = await (window as PickerWindow).showDirectoryPicker!({ id: 'drydock-backups', mode: 'readwrite' });
  const name = await writeBackupInto(handle, now);
  await writeDevice<FolderRecord>(KEY, { handle, lastWrittenAt: now });
  return name;
}

/**
 * Writes the daily file when an automatic backup is newer than the last file written. With `ask` (inside a tap) the
 * browser may ask for permission; without it, a folder that needs permission is left for later.
 */
export async function syncBackupFolder(now: number, ask = false): Promise<'written' | 'needs-permission' | 'up-to-date' | 'no-folder'> {
  const folder = await readDevice<FolderRecord>(KEY);
  if (!folder) return 'no-folder';
  const [newest] = await listSnapshots();
  if (!ask && (!newest || (folder.lastWrittenAt ?? 0) >= newest.createdAt)) return 'up-to-date';
  if ((await permissionOf(folder.handle, ask)) !== 'granted') return 'needs-permission';
  await writeBackupInto(folder.handle, now);
  await writeDevice<FolderRecord>(KEY, { ...folder, lastWrittenAt: now });
  return 'written';
}

export async function forgetBackupFolder(): Promise<void> {
  await deleteDevice(KEY);
}
