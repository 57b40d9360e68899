import { describeOperationCrashes } from '../helpers/crashOperationSuite';
import { compressScenarios } from '../helpers/crashScenarios';

describeOperationCrashes('gzip rotation (compressDayFile)', compressScenarios);
