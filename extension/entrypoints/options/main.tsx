/** @jsxImportSource preact */
/** Options page entry — wiring only. */
import { render } from 'preact';
import { openDatabase } from '../../db/database';
import { OptionsPage } from '../../options/options-page';
import { startImportWorker } from '../../panel/importer';
import ImportWorker from '../../panel/import-worker?worker';
import '../../panel/panel.css';

render(<OptionsPage db={openDatabase()} importer={startImportWorker(() => new ImportWorker())} />, document.getElementById('app')!);
