import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { router } from './lib/ui/router.svelte';
import { appUpdate } from './lib/ui/pwa.svelte';
import { startDailyBackups } from './lib/daily-backup';

router.start();
mount(App, { target: document.getElementById('app')! });
appUpdate.register();
startDailyBackups();
// Device sync loads after the first paint and does nothing until the learner turns it on.
void import('./lib/ui/sync.svelte').then(({ syncController }) => syncController.start());
