import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { router } from './lib/ui/router.svelte';
import { afterFirstScreen, appUpdate } from './lib/ui/pwa.svelte';
import { decksMayBeMissing } from './lib/db/first-visit';

router.start();
// A first visit stores the bundled decks before either first screen can show anything: the merge's code and the deck
// files start loading now, beside the screen's own code, instead of after the screen's first read (first-visit.ts).
if (decksMayBeMissing()) void import('./lib/db/bundled').then((m) => m.prefetchBundledDecks()).catch(() => undefined);
// index.html paints the shell (skip link, header, empty main) before this runs; the app replaces it in this same task,
// before the next frame, so nothing flashes or moves and only one navigation is ever in the page.
const target = document.getElementById('app')!;
target.replaceChildren();
mount(App, { target });
appUpdate.register();
// The automatic backups (gzip, snapshots, the backup folder, the SVG sanitiser) load once the first screen has its card
// or its decks: on a first run that takes a while, and nothing on it needs them. Device sync too: it does nothing until
// the learner turns it on.
afterFirstScreen(() => void import('./lib/db/daily-backup').then((m) => m.startDailyBackups()));
afterFirstScreen(() => void import('./lib/ui/sync.svelte').then(({ syncController }) => syncController.start()));
