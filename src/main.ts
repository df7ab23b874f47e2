import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { router } from './lib/ui/router.svelte';
import { appUpdate } from './lib/ui/pwa.svelte';

router.start();
mount(App, { target: document.getElementById('app')! });
appUpdate.register();
// The backup code (gzip, snapshots, the backup folder) loads after the first screen.
void import('./lib/daily-backup').then((m) => m.startDailyBackups());
