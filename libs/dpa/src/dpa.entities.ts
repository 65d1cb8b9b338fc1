import { AgreementVersion } from './agreements/agreement-version.entity';
import { Agreement } from './agreements/agreement.entity';
import { DpaReminder } from './reminders/dpa-reminder.entity';

/** Entity classes for the host's TypeORM options. */
export const DPA_ENTITIES = [Agreement, AgreementVersion, DpaReminder];
