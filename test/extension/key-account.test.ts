import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { keyAccountHealth, setAlignment, getAlignment } from '../../extension/db/key-account';
import { addComplaint, resolveComplaint } from '../../extension/db/complaints';
import { makeCustomer } from './make-customer';
import { freshDatabases } from './fresh-databases';

const db = freshDatabases('rapport-ka');
describe('key-account checklist with the rep’s records', () => {
  it('names the guarantee at fault when every open complaint was logged here, and takes the rep’s alignment', async () => {
    const d = db();
    const c1 = await addComplaint(d, 'A1', 'logistics', 'late delivery');
    // after re-analysis the table's count includes the logged open complaint: 0 from the table + 1
    const customer = makeCustomer('A1', [], [], { tier: 'A', complaintsOpen: 1, visitOverdue: false });
    expect(await keyAccountHealth(d, customer)).toEqual({
      communication: true,
      alignment: null,
      guarantees: { quality: true, service: true, logistics: false, value: true },
      openComplaints: 1,
    });
    await setAlignment(d, 'A1', true);
    expect((await keyAccountHealth(d, customer))?.alignment).toBe(true);
    await resolveComplaint(d, c1.id);
    const after = await keyAccountHealth(d, { ...customer, complaintsOpen: 0 });
    expect(after?.guarantees).toEqual({ quality: true, service: true, logistics: true, value: true });
    await setAlignment(d, 'A1', null);
    expect(await getAlignment(d, 'A1')).toBeNull();
  });

  it('leaves the guarantees unknown when the table has open complaints of unknown category', async () => {
    const d = db();
    await addComplaint(d, 'A2', 'quality', 'scratches');
    const customer = makeCustomer('A2', [], [], { tier: 'A', complaintsOpen: 3, visitOverdue: true });
    const ka = await keyAccountHealth(d, customer);
    expect(ka?.communication).toBe(false);
    expect(ka?.guarantees).toEqual({ quality: null, service: null, logistics: null, value: null });
  });

  it('gives nothing below tier A', async () => {
    expect(await keyAccountHealth(db(), makeCustomer('B1', [], [], { tier: 'B', kaHealth: null }))).toBeNull();
  });
});
