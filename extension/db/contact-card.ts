/** An empty archive card for a person at a customer (seed 001 客户档案), by address. */
import type { ContactPerson } from './records';
import type { RapportDB } from './database';

export function blankContact(customerKey: string, email: string, name = ''): ContactPerson {
  return {
    customerKey,
    email: email.toLowerCase(),
    name,
    role: 'user',
    title: '',
    birthplace: '',
    education: '',
    family: '',
    hobbies: '',
    likes: '',
    dislikes: '',
  };
}

/** Stores a person card (a new one or an edit of one with the same id). */
export async function saveContact(db: RapportDB, contact: ContactPerson): Promise<number> {
  return (await db.contacts.put(contact)) as number;
}

/** The people stored for a customer. */
export async function contactsOf(db: RapportDB, customerKey: string): Promise<ContactPerson[]> {
  return db.contacts.where('customerKey').equals(customerKey).toArray();
}
