// Loaded on demand by the Settings screen, so the optimiser's UI and the retention simulation never weigh on the
// study path's JavaScript (Settings is part of the first bundle).
export { default as OptimizerPanel } from './OptimizerPanel.svelte';
export { default as RetentionCost } from './RetentionCost.svelte';
export { OptimizerState } from './optimizer-state.svelte';
