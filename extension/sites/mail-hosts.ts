/** The mail hosts the manifest's content script runs on — also the extension's only required hosts. */
export { REQUIRED_MATCHES as MAIL_MATCHES, LOCAL_MAIL_MATCHES as LOCAL_MATCHES } from './site-permissions';
