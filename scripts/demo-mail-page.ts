/**
 * The demo mail page for `npm start`: a Gmail-like single-page inbox on 127.0.0.1 whose threads
 * come from the built-in sample customers (the core's `generateCustomers`, analysed by the core to
 * pick interesting ones): a key account at risk, a thread where a new person at a known company is
 * copied (matched by domain), an unknown sender, and a small customer. The page's markup copies
 * Gmail's (`[role=main]`, `h2.hP`, `span.gD[email]`, `span.g2[email]`) so the real Gmail adapter
 * reads it. All text is set with textContent.
 */
import { generateCustomers } from '../shared/sample/generate-customers';
import { analyze } from '../shared/analyze';
import type { Customer, Lang } from '../shared/types';

export interface DemoThread {
  id: string;
  subject: string;
  /** What the demo shows with this thread, for the printed summary. */
  shows: string;
  messages: { from: { name: string; email: string }; to: { name: string; email: string }[]; cc: { name: string; email: string }[]; body: string; collapsed: boolean }[];
}

export const DEMO_USER = { name: 'Demo Rep', email: 'demo.rep@rapport-demo.example' };

function personOf(c: Customer): { name: string; email: string } {
  const email = c.emails[0]!;
  const local = email.split('@')[0]!.split(/[._]/).map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join(' ');
  return { name: local, email };
}

/** Thread ids look like Gmail's (long, alphanumeric) so the adapter treats the hash as a thread. */
function threadId(i: number): string {
  return `FMfcgzDemoThread${String(i).padStart(4, '0')}Rapport`;
}

export function demoThreads(sampleSize: number, seed: number, lang: Lang): DemoThread[] {
  const analysis = analyze(generateCustomers(sampleSize, { seed, lang }), { lang });
  const withEmail = analysis.customers.filter((c) => c.emails.length > 0);
  const aAtRisk = [...withEmail].filter((c) => c.tier === 'A').sort((x, y) => y.churnRisk.score - x.churnRisk.score)[0] ?? withEmail[0]!;
  const aOther = withEmail.find((c) => c.tier === 'A' && c !== aAtRisk && c.domains.length > 0) ?? withEmail[1]!;
  const small = withEmail.find((c) => c.tier === 'C' || c.tier === 'D') ?? withEmail[2]!;
  const zh = lang === 'zh';
  const me = DEMO_USER;
  const p1 = personOf(aAtRisk);
  const p2 = personOf(aOther);
  const newcomer = { name: zh ? '新采购' : 'New Buyer', email: `new.buyer@${aOther.domains[0] ?? p2.email.split('@')[1]}` };
  const stranger = { name: 'Jordan Lee', email: 'jordan.lee@bluepeak-robotics.com' };
  const p3 = personOf(small);
  return [
    {
      id: threadId(1),
      subject: zh ? `回复: ${aAtRisk.name} 续约报价` : `Re: renewal quote for ${aAtRisk.name}`,
      shows: `${aAtRisk.name}: tier ${aAtRisk.tier}, churn risk ${aAtRisk.churnRisk.score}`,
      messages: [
        { from: p1, to: [me], cc: [], collapsed: true, body: zh ? '你好, 我们在比较几家供应商的报价。' : 'Hi, we are comparing quotes from a few suppliers.' },
        { from: me, to: [p1], cc: [], collapsed: true, body: zh ? '收到, 我本周发新报价。' : 'Thanks — I will send a new quote this week.' },
        { from: p1, to: [me], cc: [], collapsed: false, body: zh ? '请尽快, 另一家已经给了折扣。' : 'Please hurry, another supplier already offered a discount.' },
      ],
    },
    {
      id: threadId(2),
      subject: zh ? '三季度订单' : 'Q3 order',
      shows: `${aOther.name} with a new person copied (matched by company domain)`,
      messages: [
        { from: p2, to: [me], cc: [newcomer], collapsed: false, body: zh ? '附上三季度订单, 抄送我们的新采购。' : 'Attached is our Q3 order; copying our new buyer.' },
      ],
    },
    {
      id: threadId(3),
      subject: zh ? '合作咨询' : 'Enquiry about your products',
      shows: 'an unknown sender (add as a new customer or attach)',
      messages: [{ from: stranger, to: [me], cc: [], collapsed: false, body: zh ? '你好, 想了解贵司产品。' : 'Hello, we would like to learn about your products.' }],
    },
    {
      id: threadId(4),
      subject: zh ? '发票问题' : 'Invoice question',
      shows: `${small.name}: tier ${small.tier}`,
      messages: [{ from: p3, to: [me], cc: [], collapsed: false, body: zh ? '发票金额似乎不对。' : 'The invoice amount looks wrong.' }],
    },
  ];
}

const PAGE_SCRIPT = `
const data = JSON.parse(document.getElementById('demo-data').textContent);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
const person = (cls, p) => { const s = el('span', cls, p.name); s.setAttribute('email', p.email); s.setAttribute('name', p.name); return s; };
function renderList() {
  const list = document.getElementById('list');
  list.replaceChildren();
  for (const t of data.threads) {
    const a = el('a', 'thread-link'); a.href = '#inbox/' + t.id;
    a.append(el('strong', '', t.messages[t.messages.length - 1].from.name), el('span', 'subj', ' — ' + t.subject));
    list.append(a);
  }
}
function renderThread() {
  const main = document.getElementById('thread');
  main.replaceChildren();
  const id = location.hash.split('/')[1];
  const t = data.threads.find((x) => x.id === id);
  if (!t) { main.append(el('p', 'hint', data.hint)); return; }
  main.append(el('h2', 'hP', t.subject));
  const list = el('div'); list.setAttribute('role', 'list'); main.append(list);
  for (const m of t.messages) {
    const item = el('div', m.collapsed ? 'kv' : 'adn ads'); item.setAttribute('role', 'listitem');
    const head = el('div', 'gE');
    head.append(person('gD', m.from), el('span', 'go', ' <' + m.from.email + '>'));
    if (!m.collapsed) {
      const to = el('div', 'iw'); to.append(el('span', '', data.toWord + ' '));
      m.to.forEach((p, i) => { if (i) to.append(', '); to.append(person('g2', p)); });
      if (m.cc.length) {
        const row = el('table', 'ajC'); const tr = el('tr'); tr.append(el('td', 'gG', 'cc:')); const td = el('td'); tr.append(td); row.append(tr);
        m.cc.forEach((p, i) => { if (i) td.append(', '); td.append(person('g2', p)); });
        to.append(row);
      }
      head.append(to);
    }
    item.append(head, el('div', m.collapsed ? 'snippet' : 'a3s', m.body));
    list.append(item);
  }
}
renderList(); renderThread();
window.addEventListener('hashchange', renderThread);
`;

const PAGE_CSS = `
body{margin:0;font:14px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#202124;background:#f6f8fc}
.banner{background:#1d4ed8;color:#fff;padding:8px 16px}
.wrap{display:grid;grid-template-columns:320px 1fr;gap:12px;padding:12px}
#list{background:#fff;border-radius:12px;padding:8px}
.thread-link{display:block;padding:8px;border-bottom:1px solid #eee;color:inherit;text-decoration:none}
.thread-link:hover{background:#f1f3f4}.subj{color:#5f6368}
#thread{background:#fff;border-radius:12px;padding:16px 24px;min-height:60vh}
.hP{font-size:20px;font-weight:400;margin:0 0 16px}
.adn,.kv{border-bottom:1px solid #eee;padding:10px 0}.kv{color:#5f6368}
.gD{font-weight:700}.go{color:#5f6368;font-size:12px}.iw{color:#5f6368;font-size:12px}.a3s{margin-top:8px}
.hint{color:#5f6368}
`;

/** The demo page's HTML. */
export function demoPageHtml(threads: DemoThread[], lang: Lang): string {
  const zh = lang === 'zh';
  const data = {
    threads,
    toWord: zh ? '发送至' : 'to',
    hint: zh ? '在左侧打开一封邮件。' : 'Open an email on the left.',
  };
  const banner = zh
    ? 'Rapport 演示: 打开左侧的邮件, 点击发件人旁边的等级标签 (或工具栏上的 Rapport 图标) 打开侧边栏。数据是内置的示例客户, 只保存在这个临时浏览器里。'
    : 'Rapport demo: open an email on the left, then click the tier chip beside the sender (or the Rapport toolbar icon) to open the side panel. The data is the built-in sample customers, kept only in this temporary browser.';
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>Inbox - ${DEMO_USER.email} - Gmail (Rapport demo)</title><style>${PAGE_CSS}</style></head>
<body><div class="banner"></div><div class="wrap"><nav id="list" aria-label="Inbox"></nav><div role="main" id="thread"></div></div>
<script type="application/json" id="demo-data">${json}</script>
<script>document.querySelector('.banner').textContent = ${JSON.stringify(banner)};${PAGE_SCRIPT}</script></body></html>`;
}
