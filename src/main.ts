import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { router } from './lib/ui/router.svelte';
import { appUpdate } from './lib/ui/pwa.svelte';
import { startDailyBackups } from './lib/db/daily-backup';

router.start();
mount(App, { target: document.getElementById('app')! });
appUpdate.register();
startDailyBackups();
