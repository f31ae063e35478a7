/** The mail hosts the content script runs on — also the extension's only host permissions. */
export const MAIL_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
];

/** The local fixture/demo server, matched only by `--mode e2e` builds (tests and `npm start`). */
export const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
