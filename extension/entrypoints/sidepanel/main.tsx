/** @jsxImportSource preact */
/** Side panel entry — wiring only. */
import { render } from 'preact';
import { openDatabase } from '../../db/database';
import { App } from '../../panel/app';
import { startImportWorker } from '../../panel/importer';
import '../../panel/panel.css';

render(<App db={openDatabase()} importer={startImportWorker()} />, document.getElementById('app')!);
