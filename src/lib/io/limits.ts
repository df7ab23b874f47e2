// Limits for untrusted input, the only place they are stated (docs/import-export.md quotes them under "Limits"). Every
// importer (JSON, CSV/TSV, notes, Anki, share links, backups) enforces them. Generous for real decks, small enough that a
// hostile file is refused before it can exhaust a phone's memory.

/** A deck file (JSON, CSV/TSV, Markdown/text notes, Anki .apkg). */
export const MAX_DECK_FILE_BYTES = 50 * 1024 * 1024;
/** A full backup, which also carries the review history. */
export const MAX_BACKUP_FILE_BYTES = 200 * 1024 * 1024;
/** Bytes actually inflated from one archive, counted while decompressing (declared sizes are never trusted). */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;
/** Entries in one archive. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Cards in one import. */
export const MAX_IMPORT_CARDS = 100_000;
/** One CSV/TSV field (a card side), in characters. */
export const MAX_FIELD_CHARS = 100_000;
/** Columns in one CSV/TSV row. */
export const MAX_COLUMNS = 100;
/** One card text field from JSON, notes, share links, backups and Anki, in characters. */
export const MAX_TEXT_CHARS = 100_000;
/** Share links: decks up to this many cards, and a payload up to this many characters, travel in the URL. */
export const MAX_SHARE_CARDS = 60;
export const MAX_SHARE_CHARS = 16_000;
/** A card or note id, in characters. */
export const MAX_ID_CHARS = 200;
/** A deck id (lowercase letters, digits, single dashes), in characters. */
export const MAX_DECK_ID_CHARS = 80;
/** Nesting of a setting's value in a backup; deeper values are left out (IndexedDB cannot store them reliably). */
export const MAX_SETTING_DEPTH = 32;
/** A review or lapse count in a restored card state; higher counts are clamped. */
export const MAX_COUNT = 1_000_000;
/** One image from an Anki package, after decompression; a larger one stays a note on the card. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** All images kept from one import together; images past this stay notes on their cards. */
export const MAX_IMPORT_IMAGE_BYTES = 32 * 1024 * 1024;
