import { describeOperationCrashes } from '../helpers/crashOperationSuite';
import { migrateScenarios } from '../helpers/crashScenarios';

describeOperationCrashes('schema migration (executeMigration)', migrateScenarios);
