/**
 * The add-on's entry: wiring only. esbuild bundles this (with shared/) into one IIFE that sets the
 * global `Rapport`; apps-script/globals.js then declares the top-level functions Apps Script needs
 * (custom functions with their @customfunction JSDoc, menu handlers, triggers, google.script.run
 * endpoints), each a one-line call into `Rapport`.
 */
export { RAPPORT_ANALYZE, RAPPORT_TIER, RAPPORT_PARETO, RAPPORT_SATISFACTION, RAPPORT_SHARE } from './custom-functions';
export { RAPPORT_PALIVE, RAPPORT_CLV } from './model-functions';
export { buildMenu as onOpen, buildMenu as onInstall } from './menu';
export { menuComputeTiers as rapportComputeTiers } from './compute-tiers';
export { menuNewTemplate as rapportNewTemplate } from './template';
export { menuSettings as rapportOpenSettings, sidebarState as rapportSidebarState, saveSettings as rapportSaveSettings } from './sidebar-server';
export { menuSurveySample as rapportDrawSurveySample } from './survey-sample';
