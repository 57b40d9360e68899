import fc from 'fast-check';
import { validateLine } from '../../src/engine/validate/lineRules';
import { eventLineBytes, jsonLineBytes, randomLineBytes } from '../helpers/fuzzLines';
import { scannerMismatch } from '../helpers/fuzzOracle';
import type { Figure, Measure } from './measures';

/**
 * The unit tier's line fuzz, longer: two million generated lines through the
 * index's scanner (judged against JSON.parse) and, for one line in ten, the
 * per-line validator (which must never throw). The store argument is not
 * used: the inputs are generated.
 */

const PLAN: ReadonlyArray<{ arbitrary: fc.Arbitrary<Buffer>; runs: number }> = [
  { arbitrary: randomLineBytes, runs: 1_000_000 },
  { arbitrary: jsonLineBytes, runs: 800_000 },
  { arbitrary: eventLineBytes, runs: 200_000 },
];

export const fuzzMeasures: Measure[] = [
  {
    name: 'fuzz-lines',
    runs: 1,
    async run() {
      let inputs = 0;
      let mismatches = 0;
      let crashes = 0;
      const examples: string[] = [];
      const started = performance.now();
      for (const { arbitrary, runs } of PLAN) {
        fc.check(
          fc.property(arbitrary, (line) => {
            inputs++;
            if (scannerMismatch(line) !== null) {
              mismatches++;
              if (examples.length < 3) examples.push(line.toString('latin1').slice(0, 200));
            }
            if (inputs % 10 === 0) {
              try {
                validateLine(line.toString('utf8'), { file: 'events/fuzz.jsonl', line: inputs });
              } catch (error) {
                crashes++;
                if (examples.length < 3) examples.push(`${(error as Error).message}: ${line.toString('latin1').slice(0, 200)}`);
              }
            }
            return true;
          }),
          { numRuns: runs },
        );
      }
      const seconds = (performance.now() - started) / 1000;
      if (examples.length > 0) process.stderr.write(`fuzz-lines examples:\n${examples.join('\n')}\n`);
      const figures: Figure[] = [
        { name: 'fuzz inputs run', value: inputs, unit: 'lines', target: { min: 2_000_000 } },
        { name: 'fuzz scanner/JSON.parse mismatches', value: mismatches, unit: 'lines', target: { max: 0 } },
        { name: 'fuzz validator crashes', value: crashes, unit: 'lines', target: { max: 0 } },
        { name: 'fuzz inputs/s', value: inputs / seconds, unit: 'lines/s' },
      ];
      return figures;
    },
  },
];
