import { canTransition, IncidentState } from './incident-lifecycle';

describe('incident lifecycle (DOMAIN.md §3: reported → investigating → breach | not a breach → notifying → notified → closed)', () => {
  it.each<[IncidentState, IncidentState, boolean, string]>([
    ['reported', 'investigating', true, 'a short investigation may come before awareness (EDPB Guidelines 9/2022 §31–33)'],
    ['reported', 'breach', true, 'awareness may be immediate'],
    ['investigating', 'not_a_breach', true, 'an incident that is no breach is kept with its reason (Art. 33(5))'],
    ['not_a_breach', 'investigating', true, 'new facts reopen it'],
    ['breach', 'notifying', true, 'Art. 33(2): the processor notifies its clients'],
    ['breach', 'closed', true, 'document only: unlikely to result in a risk, no client data (Art. 33(1), 33(5))'],
    ['notifying', 'notified', true, 'every required notice is made'],
    ['notified', 'notifying', true, 'Art. 33(4): a follow-up in phases'],
    ['notified', 'closed', true, 'closed after notification'],
    ['reported', 'notified', false, 'no notice before awareness is recorded'],
    ['notifying', 'closed', false, 'not closed while notices are outstanding'],
    ['closed', 'investigating', false, 'a closed incident stays closed; the register keeps it'],
  ])('%s → %s is %s (%s)', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});
