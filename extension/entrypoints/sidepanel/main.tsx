/** @jsxImportSource preact */
/** Side panel entry — wiring only. */
import { render } from 'preact';
import { openDatabase } from '../../db/database';
import { App } from '../../panel/app';
import { startImportWorker } from '../../panel/importer';
// Vite bundles the worker from this import (WXT rewrites import.meta.url, so `new URL(…)` is not seen).
import ImportWorker from '../../panel/import-worker?worker';
import '../../panel/panel.css';

render(<App db={openDatabase()} importer={startImportWorker(() => new ImportWorker())} />, document.getElementById('app')!);
