import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfiguration } from '../config/configuration';
import { buildTypeOrmOptions } from './typeorm-options';

/** For the TypeORM CLI (`typeorm -d dist/apps/api/database/data-source.js migration:show`). */
export default new DataSource(buildTypeOrmOptions(loadConfiguration(process.env).database));
