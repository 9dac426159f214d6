import { catalogDemoSeeder } from '../modules/catalog/demo.ts';
import { qaDemoSeeder } from '../modules/qa/demo.ts';
import type { DemoSeeder } from './seed.ts';

// Module demo data, run in order after the units and accounts are in place.
export const demoSeeders: DemoSeeder[] = [catalogDemoSeeder, qaDemoSeeder];
