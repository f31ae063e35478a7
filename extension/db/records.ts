/**
 * What the extension stores, table by table. Dates are ISO strings.
 */
import type { Customer, Lifecycle, Tier } from '../../shared/types';
import type { ComplaintCategory } from '../../shared/rules/churn-reasons';

/** A customer as the core computed it, plus where it came from. Key: `key`. */
export interface StoredCustomer extends Customer {
  /** 'import': from an analysed table; 'manual': added from an unknown sender in the panel. */
  source: 'import' | 'manual';
  updatedAt: string;
  /**
   * The table's own last contact and open-complaint count; `lastContact` and `complaintsOpen`
   * add what the rep logged in the extension (the later contact, the complaints still open here).
   */
  tableLastContact: string | null;
  tableComplaintsOpen: number | null;
}

/** method seed 001 "了解客户的组织结构 … 谁是决策人": who this person is at the customer. */
export type ContactRole = 'decision_maker' | 'influencer' | 'user';

/**
 * A person at a customer with the archive fields of seed 001 (客户档案: 头衔, 籍贯, 学历和经历,
 * 家庭背景, 性格爱好, 喜欢什么/不喜欢什么).
 */
export interface ContactPerson {
  id?: number;
  customerKey: string;
  email: string;
  name: string;
  role: ContactRole;
  title: string;
  birthplace: string;
  education: string;
  family: string;
  hobbies: string;
  likes: string;
  dislikes: string;
}

/** A note on a customer; `deleted` set (not removed) so a delete can be undone. */
export interface Note {
  id: string;
  customerKey: string;
  body: string;
  tags: string[];
  created: string;
  updated: string;
  deleted: string | null;
}

export interface FollowUp {
  id: string;
  customerKey: string;
  title: string;
  /** Due date-time, ISO. An alarm fires then and shows a notification. */
  due: string;
  /** 0 open, 1 done (a number so it can be indexed). */
  done: 0 | 1;
  created: string;
  /** When its reminder was shown (once), or null. */
  notified: string | null;
}

/** method §7 complaint categories: the core's list (four guarantees plus channel conflict). */
export type { ComplaintCategory } from '../../shared/rules/churn-reasons';
export { COMPLAINT_CATEGORIES } from '../../shared/rules/churn-reasons';

export interface Complaint {
  id: string;
  customerKey: string;
  category: ComplaintCategory;
  status: 'open' | 'resolved';
  body: string;
  created: string;
  resolved: string | null;
}

/** A logged contact: updates the customer's last contact (method §3 visit due, §7 no-contact factor). */
export interface ContactLogEntry {
  id: string;
  customerKey: string;
  kind: 'call' | 'visit' | 'email';
  /** The day of the contact, `YYYY-MM-DD`. */
  date: string;
  note: string;
}

/** A code of the core's method §7 churn-reason taxonomy (`CHURN_REASONS`), or 'other'. */
export type ChurnReasonCode = string;

export interface ChurnReasonRecord {
  id: string;
  customerKey: string;
  code: ChurnReasonCode;
  text: string;
  date: string;
}

/** Small key/value records: the analysed source table, settings JSON, language override. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A customer list's row: the few fields a list line and its filters need (customer-rows.ts). */
export interface CustomerRow {
  key: string;
  name: string;
  emails: string[];
  tier: Tier | null;
  lifecycle: Lifecycle;
  churnRisk: { score: number };
  metric: number;
}
