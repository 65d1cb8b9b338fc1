/**
 * The states of an incident (DOMAIN.md §3): reported → investigating → breach (awareness recorded) or
 * not_a_breach (kept, with the reason: Art. 33(5) registers incidents that turned out not to be breaches too)
 * → notifying → notified → closed. Pure: the service checks every transition here before it writes.
 */
export type IncidentState = 'reported' | 'investigating' | 'breach' | 'not_a_breach' | 'notifying' | 'notified' | 'closed';
export const INCIDENT_STATES: readonly IncidentState[] = ['reported', 'investigating', 'breach', 'not_a_breach', 'notifying', 'notified', 'closed'];

const TRANSITIONS: Record<IncidentState, readonly IncidentState[]> = {
  reported: ['investigating', 'breach', 'not_a_breach'],
  investigating: ['breach', 'not_a_breach'],
  // A breach that needs no notice at all (no client data, unlikely to result in a risk) is documented and closed.
  breach: ['notifying', 'closed'],
  // New facts can reopen an incident judged not to be a breach; the earlier reason stays in the change trail.
  not_a_breach: ['investigating', 'breach', 'closed'],
  notifying: ['notified'],
  notified: ['notifying', 'closed'],
  closed: [],
};

export function canTransition(from: IncidentState, to: IncidentState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States in which the awareness moment is known and the Art. 33 clocks run. */
export function isBreachState(state: IncidentState): boolean {
  return state === 'breach' || state === 'notifying' || state === 'notified' || state === 'closed';
}
