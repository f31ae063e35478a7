/**
 * The typed message map: each request has one shape and one allowed kind of sender; unknown types,
 * malformed bodies and wrong senders are rejected before any handler runs.
 */
import { describe, expect, it, vi } from 'vitest';
import { dispatch, parseRequest, senderKind, type Handlers } from '../../extension/messaging/messages';
import { checkContext } from '../../extension/messaging/check-context';
import { concernsPanel } from '../../extension/messaging/follow-tab';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
type S = { id?: string; url?: string; tab?: { id?: number } };
const content: S = { id: EXT, url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 } };
const page: S = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const otherExtension: S = { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/x.html' };

function handlers(): Handlers<S> & Record<string, ReturnType<typeof vi.fn>> {
  return {
    pageContext: vi.fn(async () => null),
    openPanel: vi.fn(() => null),
    getActiveContext: vi.fn(async () => ({ tabId: null, context: null })),
    dataChanged: vi.fn(async () => null),
    sitesChanged: vi.fn(async () => null),
  } as never;
}

describe('message map', () => {
  it('knows who sent a message', () => {
    expect(senderKind(content, EXT)).toBe('content');
    expect(senderKind(page, EXT)).toBe('page');
    expect(senderKind(otherExtension, EXT)).toBeNull();
    expect(senderKind({ id: EXT }, EXT)).toBeNull();
  });

  it('runs a handler only for a well-formed request from its allowed sender', async () => {
    const h = handlers();
    const ctx = { site: 'gmail', people: [{ email: 'li@huaxin.cn', role: 'from' }] };
    await dispatch(h, { type: 'pageContext', context: ctx }, content, EXT);
    expect(h.pageContext).toHaveBeenCalledWith({ type: 'pageContext', context: ctx }, content);
    // the right request from the wrong sender
    expect(dispatch(h, { type: 'pageContext', context: ctx }, page, EXT)).toBeUndefined();
    expect(dispatch(h, { type: 'getActiveContext', windowId: 1, tabId: null }, content, EXT)).toBeUndefined();
    expect(dispatch(h, { type: 'dataChanged' }, otherExtension, EXT)).toBeUndefined();
    // unknown or malformed
    expect(dispatch(h, { type: 'lookup', email: 'li@huaxin.cn' }, content, EXT)).toBeUndefined();
    expect(dispatch(h, 'pageContext', content, EXT)).toBeUndefined();
    expect(dispatch(h, { type: 'getActiveContext', windowId: 'x', tabId: null }, page, EXT)).toBeUndefined();
    expect(h.getActiveContext).not.toHaveBeenCalled();
    expect(h.dataChanged).not.toHaveBeenCalled();
    expect(h.pageContext).toHaveBeenCalledTimes(1);
  });

  it('checks page contexts and never repairs them', () => {
    expect(checkContext({ site: 'gmail', people: [] })).toEqual({ site: 'gmail', people: [] });
    expect(checkContext({ site: 'evil', people: [] })).toBeNull();
    expect(checkContext({ site: 'gmail', people: [{ email: 'Not An Address', role: 'from' }] })).toBeNull();
    expect(checkContext({ site: 'gmail', people: [{ email: 'a@b.cn', role: 'bcc' }] })).toBeNull();
    expect(checkContext({ site: 'gmail', people: Array.from({ length: 201 }, (_, i) => ({ email: `p${i}@x.cn`, role: 'to' })) })).toBeNull();
    const record = { site: 'salesforce', people: [], companies: [{ domain: 'huaxin.com.cn', name: 'Huaxin' }] };
    expect(checkContext(record)).toEqual({ site: 'salesforce', people: [], companies: [{ domain: 'huaxin.com.cn', name: 'Huaxin' }] });
    expect(checkContext({ site: 'salesforce', people: [], companies: [{ domain: 'not a domain' }] })).toBeNull();
    expect(parseRequest({ type: 'pageContext', context: { site: 'gmail', people: 'x' } })).toBeNull();
  });
});

describe('the panel follows the active tab of its own window', () => {
  it('takes events for its window only (or for its pinned tab)', () => {
    const inWindow = { windowId: 1, tabId: null };
    expect(concernsPanel(inWindow, { tabId: 10, windowId: 1, active: true })).toBe(true);
    // a background tab of the same window, any tab of another window
    expect(concernsPanel(inWindow, { tabId: 13, windowId: 1, active: false })).toBe(false);
    expect(concernsPanel(inWindow, { tabId: 11, windowId: 2, active: true })).toBe(false);
    expect(concernsPanel(inWindow, { tabId: 12, windowId: null, active: true })).toBe(false);
    const pinned = { windowId: null, tabId: 10 };
    expect(concernsPanel(pinned, { tabId: 10, windowId: 1, active: false })).toBe(true);
    expect(concernsPanel(pinned, { tabId: 11, windowId: 1, active: true })).toBe(false);
  });
});
