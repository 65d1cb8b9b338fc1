import { AffectedClient, BreachReminder, ClientBreachNotice, Incident } from './incidents/incident.entity';

export const BREACH_ENTITY_CLASSES = [Incident, AffectedClient, ClientBreachNotice, BreachReminder];
