/** An empty archive card for a person at a customer (seed 001 客户档案), by address. */
import type { ContactPerson } from './records';

export function blankContact(customerKey: string, email: string, name = ''): ContactPerson {
  return { customerKey, email: email.toLowerCase(), name, role: 'user', title: '', birthplace: '', education: '', family: '', hobbies: '', likes: '', dislikes: '' };
}
