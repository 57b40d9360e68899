import { describeOperationCrashes } from '../helpers/crashOperationSuite';
import { cleanupScenarios } from '../helpers/crashScenarios';

describeOperationCrashes('TTL cleanup (executeCleanup)', cleanupScenarios);
