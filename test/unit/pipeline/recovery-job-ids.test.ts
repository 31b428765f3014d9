import { describe, expect, it } from 'vitest';
import { acknowledgesReference, transmissionJob } from '../../../src/pipeline/index.js';

const ID = '3f0c2b1a-0000-4000-8000-000000000001';
const INBOUND = '9a8b7c6d-0000-4000-8000-000000000002';

describe('the job a lost transmission goes back under', () => {
  it('is the inbound job until a reprocess, then the reprocess of that moment', () => {
    expect(transmissionJob({ id: ID, direction: 'inbound', queuedAfter: 0, sourceRef: null }, [])).toEqual({
      jobId: `inbound-${ID}`,
    });
    expect(transmissionJob({ id: ID, direction: 'inbound', queuedAfter: 4, sourceRef: null }, [])).toEqual({
      jobId: `reprocess-${ID}-4`,
    });
  });

  it('is the acknowledgement job named by the interchange it answers, first in line', () => {
    const answers = acknowledgesReference(INBOUND, '000000905');
    expect(answers).toEqual({ kind: 'acknowledges', value: `${INBOUND}/000000905` });
    const job = transmissionJob(
      { id: ID, direction: 'outbound', queuedAfter: 0, sourceRef: '997-000000012.x12' },
      [{ kind: 'isa13', value: '12' }, answers],
    );
    expect(job).toEqual({ jobId: `ack-${INBOUND}-000000905` });
  });

  it('is out-<id> for another file, behind acknowledgements, and resend-<id>-<n> after a resend', () => {
    const outbound = { id: ID, direction: 'outbound' as const, sourceRef: '855-000000013.x12' };
    expect(transmissionJob({ ...outbound, queuedAfter: 0 }, [])).toEqual({
      jobId: `out-${ID}`,
      priority: 10,
    });
    expect(transmissionJob({ ...outbound, queuedAfter: 0, sourceRef: '997-000000014.x12' }, [])).toEqual({
      jobId: `out-${ID}`,
    });
    expect(transmissionJob({ ...outbound, queuedAfter: 3 }, [])).toEqual({ jobId: `resend-${ID}-3` });
  });
});
