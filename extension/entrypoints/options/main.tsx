/** @jsxImportSource preact */
/** Options page entry — wiring only. */
import { render } from 'preact';
import { openDatabase } from '../../db/database';
import { OptionsPage } from '../../options/options-page';
import '../../panel/panel.css';

render(<OptionsPage db={openDatabase()} />, document.getElementById('app')!);
