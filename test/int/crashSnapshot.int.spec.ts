import { describeOperationCrashes } from '../helpers/crashOperationSuite';
import { snapshotScenarios } from '../helpers/crashScenarios';

describeOperationCrashes('snapshot creation (createSnapshot)', snapshotScenarios);
